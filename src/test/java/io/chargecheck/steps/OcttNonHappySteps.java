package io.chargecheck.steps;

import io.chargecheck.certification.octt.CentralSystemAnswers;
import io.chargecheck.certification.octt.ConfigurationKeys;
import io.chargecheck.certification.octt.DataTransferToStation;
import io.chargecheck.certification.octt.MeterSampling;
import io.chargecheck.certification.octt.OfflineBehaviour;
import io.chargecheck.certification.octt.PowerFailure;
import io.chargecheck.certification.octt.RefusedStarts;
import io.chargecheck.certification.octt.RemoteRefusals;
import io.chargecheck.certification.octt.UnlockFailures;
import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.ChargePointErrorCode;
import io.chargecheck.ocpp.message.Core.ChargePointStatus;
import io.chargecheck.ocpp.message.Core.ReadingContext;
import io.chargecheck.ocpp.message.Core.UnlockStatus;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.EnumSet;

/**
 * The OCA's plan, Core sections 2.9 to 2.16 and DataTransfer (2.23): meter values, the non-happy
 * flows of starting, remote commands, unlocking, power failure, going offline, configuration keys
 * and faults, and data for an unknown vendor.
 */
public class OcttNonHappySteps {

    private final World world;
    private MeterSampling meterSampling;
    private RefusedStarts refusedStarts;
    private RemoteRefusals remoteRefusals;
    private UnlockFailures unlockFailures;
    private PowerFailure powerFailure;
    private OfflineBehaviour offlineBehaviour;
    private ConfigurationKeys configurationKeys;
    private DataTransferToStation dataTransfer;

    public OcttNonHappySteps(World world) {
        this.world = world;
    }

    private MeterSampling meterSampling() {
        if (meterSampling == null) {
            meterSampling = new MeterSampling(world.context);
        }
        return meterSampling;
    }

    private RefusedStarts refusedStarts() {
        if (refusedStarts == null) {
            refusedStarts = new RefusedStarts(world.context);
        }
        return refusedStarts;
    }

    private RemoteRefusals remoteRefusals() {
        if (remoteRefusals == null) {
            remoteRefusals = new RemoteRefusals(world.context);
        }
        return remoteRefusals;
    }

    private UnlockFailures unlockFailures() {
        if (unlockFailures == null) {
            unlockFailures = new UnlockFailures(world.context);
        }
        return unlockFailures;
    }

    private PowerFailure powerFailure() {
        if (powerFailure == null) {
            powerFailure = new PowerFailure(world.context);
        }
        return powerFailure;
    }

    private OfflineBehaviour offlineBehaviour() {
        if (offlineBehaviour == null) {
            offlineBehaviour = new OfflineBehaviour(world.context, world.offline, world.transactions);
        }
        return offlineBehaviour;
    }

    private ConfigurationKeys configurationKeys() {
        if (configurationKeys == null) {
            configurationKeys = new ConfigurationKeys(world.context);
        }
        return configurationKeys;
    }

    private DataTransferToStation dataTransfer() {
        if (dataTransfer == null) {
            dataTransfer = new DataTransferToStation(world.context);
        }
        return dataTransfer;
    }

    // ---------------------------------------------------------------- 2.9 meter values: TC_070_CS, TC_071_CS

    @Given("the station samples meter values at the test interval, with no clock-aligned readings")
    public void sampledWithoutClockAligned() {
        meterSampling().sampleAtTheTestInterval(true);
    }

    @Given("the station samples meter values at the test interval")
    public void sampled() {
        meterSampling().sampleAtTheTestInterval(false);
    }

    @Given("the station takes clock-aligned meter readings at the test interval, with no sampled readings")
    public void clockAligned() {
        meterSampling().alignToTheClockAtTheTestInterval();
    }

    @Given("^the central system has read (MeterValuesSampledData|MeterValuesAlignedData)$")
    public void readMeasurands(String key) {
        meterSampling().readMeasurands(key);
    }

    @Then("periodic MeterValues of the transaction arrive one sample interval apart for three intervals")
    public void sampledSeries() {
        meterSampling().assertSampledSeries();
    }

    @Then("clock-aligned MeterValues of the connector arrive one interval apart on the clock's boundaries for three intervals")
    public void clockAlignedSeries() {
        meterSampling().assertClockAlignedSeries();
    }

    @Then("every one of them is a Sample.Periodic reading of each measurand MeterValuesSampledData names")
    public void everySampledReadingComplete() {
        meterSampling().assertEveryReadingComplete(ReadingContext.SamplePeriodic);
    }

    @Then("every one of them is a Sample.Clock reading of each measurand MeterValuesAlignedData names")
    public void everyClockReadingComplete() {
        meterSampling().assertEveryReadingComplete(ReadingContext.SampleClock);
    }

    // ---------------------------------------------------------------- 2.10 basic actions: TC_023_CS, TC_024_CS

    @Given("the central system answers Invalid for the {card} card, in Authorize and StartTransaction")
    public void answerInvalid(String idTag) {
        new CentralSystemAnswers(world.context).answerCardWith(idTag, AuthorizationStatus.Invalid);
    }

    @Then("the connector reports {ChargePointStatus} once it has lasted the MinimumStatusDuration")
    public void reportsAfterMinimumDuration(ChargePointStatus status) {
        refusedStarts().assertConnectorReportsAfterMinimumDuration(status);
    }

    @Given("the central system has read whether the station authorizes remote starts")
    public void readAuthorizeRemote() {
        refusedStarts().readWhetherRemoteStartsAreAuthorized();
    }

    @Then("the station asks to authorize the {card} card if it authorizes remote starts, and the connector reports Preparing")
    public void remoteStartAuthorizedAndPreparing(String idTag) {
        refusedStarts().assertRemoteStartAuthorizedAndPreparing(idTag);
    }

    @When("the EV driver inserts the plug only halfway, so that the connector cannot lock it")
    public void plugInHalfway() {
        refusedStarts().plugInHalfway();
    }

    @Then("the connector reports Faulted with error code ConnectorLockFailure")
    public void faultedWithLockFailure() {
        refusedStarts().assertFaultedWith(ChargePointErrorCode.ConnectorLockFailure);
    }

    // ---------------------------------------------------------------- 2.11 remote actions: TC_026_CS to TC_028_CS

    @Then("the station rejects the remote start, and no transaction starts")
    public void remoteStartRejected() {
        remoteRefusals().assertRemoteStartRejected();
    }

    @When("the central system sends RemoteStartTransaction with the accepted card for connector 0")
    public void remoteStartOnConnectorZero() {
        remoteRefusals().remoteStartOnConnectorZero();
    }

    @Then("the station rejects it, with Rejected or a CALLERROR, and no transaction starts")
    public void connectorZeroRefused() {
        remoteRefusals().assertConnectorZeroRefused();
    }

    @When("the central system sends RemoteStopTransaction for a transaction the station does not have")
    public void remoteStopOfUnknown() {
        remoteRefusals().remoteStopOfAnUnknownTransaction();
    }

    @Then("the station rejects the remote stop, and the transaction goes on")
    public void remoteStopRejected() {
        remoteRefusals().assertRemoteStopRejected();
    }

    // ---------------------------------------------------------------- 2.12 unlocking: TC_030_CS, TC_031_CS

    @Given("the lock of the connector is blocked, so that it cannot open")
    public void lockBlocked() {
        unlockFailures().blockTheLock();
    }

    @When("the central system sends UnlockConnector for the blocked connector")
    public void unlockBlocked() {
        unlockFailures().unlockTheConnector();
    }

    @When("the central system sends UnlockConnector for a connector the station does not have")
    public void unlockUnknown() {
        unlockFailures().unlockAnUnknownConnector();
    }

    @Then("the UnlockConnector of the blocked connector is answered UnlockFailed")
    public void unlockFailed() {
        unlockFailures().assertAnswered(UnlockStatus.UnlockFailed, "its lock cannot open");
    }

    @Then("the UnlockConnector of the unknown connector is answered NotSupported")
    public void unlockNotSupported() {
        unlockFailures().assertAnswered(UnlockStatus.NotSupported, "the station has no such connector");
    }

    // ---------------------------------------------------------------- 2.13 power failure: TC_032_1_CS, TC_032_2_CS, TC_034_CS

    @When("the charger's mains power is cut, and stays off")
    public void cutPower() {
        powerFailure().cutThePower();
    }

    @Then("the station stops the transaction with reason PowerLoss and reports Finishing before it goes down")
    public void stoppedBeforeGoingDown() {
        powerFailure().assertStoppedBeforeGoingDown();
    }

    @When("the mains power is restored")
    public void restorePower() {
        powerFailure().restoreThePower();
    }

    @Then("the station boots with a BootNotification that the central system accepts")
    public void bootAccepted() {
        powerFailure().assertBootAccepted();
    }

    @Then("after the boot the connector reports Finishing or Preparing, and connector 0 and every other connector Available")
    public void finishingOrPreparingAfterBoot() {
        powerFailure().assertStatusesAfterBoot(EnumSet.of(ChargePointStatus.Finishing, ChargePointStatus.Preparing),
                EnumSet.noneOf(ChargePointStatus.class));
    }

    @Then("after the boot the connector reports Preparing, Finishing or Charging, and connector 0 and every other connector Available")
    public void preparingFinishingOrChargingAfterBoot() {
        powerFailure().assertStatusesAfterBoot(EnumSet.of(ChargePointStatus.Preparing, ChargePointStatus.Finishing,
                ChargePointStatus.Charging), EnumSet.of(ChargePointStatus.Unavailable, ChargePointStatus.Available));
    }

    @When("the EV driver stops the transaction with the accepted card if the station resumed it")
    public void stopIfResumed() {
        powerFailure().stopIfResumed();
    }

    @Then("the transaction ends with reason PowerLoss, or Local if the driver stopped it")
    public void transactionEnded() {
        powerFailure().assertTransactionEnded();
    }

    @Then("the connector ends Preparing or Finishing")
    public void endsPreparingOrFinishing() {
        powerFailure().assertFinallyOneOf(EnumSet.of(ChargePointStatus.Preparing, ChargePointStatus.Finishing));
    }

    @Then("connector 0 and every connector are still Unavailable after the boot")
    public void stillUnavailable() {
        powerFailure().assertStillUnavailableAfterBoot();
    }

    // ---------------------------------------------------------------- 2.14 offline behaviour: TC_036_CS to TC_039_CS

    @Given("the {card} card is known to the station for an offline start, in its local list or its cache where it has them")
    public void knownOffline(String idTag) {
        offlineBehaviour().makeCardKnownOffline(idTag);
    }

    @When("the central system stays offline for three sample intervals")
    public void offlineForThreeIntervals() {
        offlineBehaviour().stayOfflineForThreeSampleIntervals();
    }

    @Then("the readings taken while offline arrive before any new one, in the order taken, one sample interval apart")
    public void offlineReadingsInOrder() {
        offlineBehaviour().assertReadingsKeptWhileOfflineDeliveredInOrder();
    }

    @When("the EV driver plugs in and presents the {card} card while the central system is offline")
    public void startWhileOffline(String idTag) {
        offlineBehaviour().startWhileOffline(idTag);
    }

    @Then("^the StartTransaction kept while offline arrives, answered (Accepted|Invalid), and the connector reports Charging$")
    public void offlineStartCharging(String answered) {
        offlineBehaviour().assertStartKeptWhileOffline(AuthorizationStatus.valueOf(answered), true);
    }

    @Then("the StartTransaction kept while offline arrives, answered Accepted")
    public void offlineStart() {
        offlineBehaviour().assertStartKeptWhileOffline(AuthorizationStatus.Accepted, false);
    }

    @Then("the connector then reports SuspendedEVSE, and the transaction is not stopped")
    public void suspendedNotStopped() {
        offlineBehaviour().assertSuspendedAndNotStopped();
    }

    @Then("the station ends the transaction with reason DeAuthorized, and the connector reports Finishing")
    public void stoppedDeauthorized() {
        offlineBehaviour().assertStoppedDeauthorized();
    }

    @Then("the StopTransaction kept while offline arrives with reason Local or none, and the connector reports Finishing")
    public void offlineStop() {
        offlineBehaviour().assertStopKeptWhileOffline();
    }

    @Then("its StopTransaction follows, with reason Local or none")
    public void stopFollows() {
        offlineBehaviour().assertStopFollowsTheStart();
    }

    // ---------------------------------------------------------------- 2.15 configuration keys: TC_040_1_CS, TC_040_2_CS

    @When("the central system sets the key Testing, which the station does not have, to true")
    public void setUnknownKey() {
        configurationKeys().changeTheUnknownKey();
    }

    @Then("the station answers the change NotSupported")
    public void changeNotSupported() {
        configurationKeys().assertNotSupported();
    }

    @When("the central system sets MeterValueSampleInterval to -1")
    public void setInvalidValue() {
        configurationKeys().changeToAnInvalidValue();
    }

    @Then("the station rejects the change, or refuses it with a CALLERROR PropertyConstraintViolation")
    public void changeRefused() {
        configurationKeys().assertRejectedOrPropertyConstraintViolation();
    }

    // ---------------------------------------------------------------- 2.16 fault behaviour: TC_041_CS

    @When("the EV driver plugs in and presents the accepted card at the faulted connector")
    public void tryToStartWhileFaulted() {
        refusedStarts().tryToStartAtTheFaultedConnector();
    }

    @Then("no transaction starts for the configured transaction duration")
    public void noStartForTransactionDuration() {
        refusedStarts().assertNoStartForTheTransactionDuration();
    }

    // ---------------------------------------------------------------- 2.23 DataTransfer: TC_062_CS

    @When("the central system sends DataTransfer for a vendor the station does not know")
    public void dataTransferOfUnknownVendor() {
        dataTransfer().sendDataOfAnUnsupportedVendor();
    }

    @Then("the station refuses it with Rejected, UnknownMessageId or UnknownVendorId")
    public void dataTransferRefused() {
        dataTransfer().assertRefused();
    }
}
