package io.chargecheck.steps;

import io.chargecheck.certification.octt.AuthorizationCache;
import io.chargecheck.certification.octt.ChargingSession;
import io.chargecheck.certification.octt.ChargingSession.AfterStop;
import io.chargecheck.certification.octt.ConnectorUnlock;
import io.chargecheck.certification.octt.EvSideDisconnect;
import io.chargecheck.certification.octt.LocalSessions;
import io.chargecheck.certification.octt.Rebooting;
import io.chargecheck.certification.octt.RemoteSessions;
import io.chargecheck.ocpp.message.Core.AvailabilityType;
import io.chargecheck.ocpp.message.Core.Reason;
import io.chargecheck.ocpp.message.Core.ResetType;
import io.chargecheck.ocpp.message.Core.UnlockStatus;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The OCA's Core cases of sections 2.1 to 2.8 (OCTT 1.6, TC_002_CS to TC_021_CS): cold boot while
 * Pending, local and remote charging sessions, the EV side disconnected, the authorization cache,
 * resets, unlocking and the configuration. Each step is one or two calls into the domain classes of
 * {@code io.chargecheck.certification.octt}, made lazily for the scenario.
 */
public class OcttSessionSteps {

    private final World world;
    private ChargingSession session;
    private LocalSessions local;
    private RemoteSessions remote;
    private EvSideDisconnect evSide;
    private AuthorizationCache cache;
    private Rebooting rebooting;
    private ConnectorUnlock unlock;

    public OcttSessionSteps(World world) {
        this.world = world;
    }

    private ChargingSession session() {
        if (session == null) {
            session = new ChargingSession(world.context);
        }
        return session;
    }

    private LocalSessions local() {
        if (local == null) {
            local = new LocalSessions(world.context, session());
        }
        return local;
    }

    private RemoteSessions remote() {
        if (remote == null) {
            remote = new RemoteSessions(world.context, session());
        }
        return remote;
    }

    private EvSideDisconnect evSide() {
        if (evSide == null) {
            evSide = new EvSideDisconnect(world.context, session());
        }
        return evSide;
    }

    private AuthorizationCache cache() {
        if (cache == null) {
            cache = new AuthorizationCache(world.context, session());
        }
        return cache;
    }

    private Rebooting rebooting() {
        if (rebooting == null) {
            rebooting = new Rebooting(world.context, session());
        }
        return rebooting;
    }

    private ConnectorUnlock unlock() {
        if (unlock == null) {
            unlock = new ConnectorUnlock(world.context);
        }
        return unlock;
    }

    // ---------------------------------------------------------------- the test data of the cases' Before

    @Given("the station's ConnectionTimeOut is the test connection timeout")
    public void connectionTimeOut() {
        local().configure("ConnectionTimeOut", world.settings().octtSeconds("connectionTimeout", 2, 30).toSeconds());
    }

    @Given("the station's MeterValueSampleInterval is the test meter interval")
    public void meterValueSampleInterval() {
        local().configure("MeterValueSampleInterval", world.settings().testMeterInterval());
    }

    // ---------------------------------------------------------------- a charging session, step by step

    @Then("the station asks to authorize the {card} card, which the central system accepts")
    public void authorizeAccepted(String idTag) {
        session().awaitAuthorizeAccepted(idTag);
    }

    @Then("the station starts a transaction for the {card} card, and the connector reports Charging")
    public void startedAndCharging(String idTag) {
        session().awaitStartAndCharging(idTag);
    }

    @Then("the station stops the transaction with reason {word}, and the connector reports Finishing")
    public void stoppedFinishing(String reason) {
        session().awaitStop(reason(reason), null, AfterStop.FINISHING);
    }

    @Then("the station stops the transaction with reason {word}, and the connector reports Finishing or Available")
    public void stoppedFinishingOrAvailable(String reason) {
        session().awaitStop(reason(reason), null, AfterStop.FINISHING_OR_AVAILABLE);
    }

    @Then("the station stops the transaction with the {card} card, and the connector reports Finishing")
    public void stoppedWithCard(String idTag) {
        session().awaitStop(null, idTag, AfterStop.FINISHING);
    }

    @Then("the station keeps the transaction running")
    public void transactionGoesOn() {
        session().assertTransactionGoesOn();
    }

    @Then("with no cable plugged in, the connector reports Available once the ConnectionTimeOut has passed")
    public void availableAfterConnectionTimeOut() {
        session().awaitAvailableAfterConnectionTimeOut();
    }

    // ---------------------------------------------------------------- TC_068_CS, TC_069_CS: who may stop

    @Given("the central system answers the accepted card with no parentIdTag")
    public void acceptedCardWithoutGroup() {
        local().answerWithoutGroup(world.settings().acceptedIdTag());
    }

    @When("another driver presents the {card} card at the charging connector")
    public void foreignCard(String idTag) {
        local().presentForeignCard(idTag);
    }

    @Then("the station sends neither an Authorize nor a StopTransaction")
    public void foreignCardIgnored() {
        local().assertForeignCardIgnored();
    }

    @Then("the station asks to authorize the {card} card, which the central system accepts as a card of the accepted card's group")
    public void groupCardAuthorized(String idTag) {
        local().assertGroupCardAuthorized(idTag);
    }

    // ---------------------------------------------------------------- TC_005_x_CS: the EV side disconnected

    @When("the EV driver pulls the cable out of the EV")
    public void unplugAtEv() {
        evSide().unplugAtEv();
    }

    @Then("the connector reports the transaction suspended, its info saying the EV side was disconnected")
    public void suspendedEvSideDisconnected() {
        evSide().assertSuspendedBecauseEvSideDisconnected();
    }

    @Then("the station stops the transaction with reason {word}, and the connector reports Finishing, or Available where the cable is fixed")
    public void stoppedWithEvGone(String reason) {
        session().awaitStop(reason(reason), null, evSide().afterStopWithEvGone());
    }

    // ---------------------------------------------------------------- TC_007_CS, TC_061_CS: the cache

    @Then("the station starts a transaction for the {card} card from its authorization cache, without an Authorize, and the connector reports Charging")
    public void startedFromCache(String idTag) {
        cache().assertStartedFromCache(idTag);
    }

    @When("the EV driver presents the {card} card again to withdraw the authorization, or lets the ConnectionTimeOut pass")
    public void withdrawAuthorization(String idTag) {
        cache().withdrawAuthorization(idTag);
    }

    @Then("the connector reports Available again, at the latest once the ConnectionTimeOut has passed")
    public void availableAgain() {
        cache().assertAvailableAgain();
    }

    // ---------------------------------------------------------------- TC_010_CS to TC_012_CS: remote sessions

    @When("the EV driver plugs in the cable and the central system then starts a transaction remotely with the accepted card")
    public void chargeCableFirst() {
        remote().chargeCableFirst();
    }

    @Then("the transaction runs on the connector for the {card} card")
    public void transactionRunsFor(String idTag) {
        session().assertRunningTransactionStartedFor(idTag);
    }

    @When("the central system reads AuthorizeRemoteTxRequests")
    public void readAuthorizeRemoteTxRequests() {
        remote().readAuthorizeRemoteTxRequests();
    }

    @Then("the station reports its AuthorizeRemoteTxRequests")
    public void authorizeRemoteTxRequestsReported() {
        remote().assertAuthorizeRemoteTxRequestsReported();
    }

    @Then("the connector reports Preparing, after an Authorize of the {card} card where AuthorizeRemoteTxRequests is true")
    public void preparingAfterRemoteStart(String idTag) {
        remote().assertPreparingAfterRemoteStart(idTag);
    }

    // ---------------------------------------------------------------- TC_013_CS to TC_016_CS: resets

    @When("the central system sends Reset {ResetType}")
    public void reset(ResetType type) {
        rebooting().reset(type);
    }

    @Then("the station accepts the reset")
    public void resetAccepted() {
        rebooting().assertAccepted();
    }

    @Then("the station boots again, and the central system accepts its BootNotification")
    public void bootsAgain() {
        rebooting().awaitBoot();
    }

    @Then("after the boot the unavailable connector reports Unavailable, and connector 0 and every other connector Available")
    public void availabilityKept() {
        rebooting().assertAvailabilityKeptThroughTheBoot();
    }

    @Then("if the station boots again, after the boot the unavailable connector reports Unavailable, and connector 0 and every other connector Available")
    public void availabilityKeptIfBooted() {
        if (rebooting().awaitBootIfAny()) {
            rebooting().assertAvailabilityKeptThroughTheBoot();
        }
    }

    @Then("the station stops the transaction with reason {word}, before or after it boots again")
    public void stoppedByReset(String reason) {
        rebooting().assertTransactionStoppedByTheReset(reason(reason));
    }

    @Then("after the boot the connector of the transaction reports Finishing or Preparing, and connector 0 and every other connector Available")
    public void settledAfterBoot() {
        rebooting().assertTransactionConnectorSettledAfterTheBoot();
    }

    @Then("if the station boots again, after the boot the connector of the transaction reports Finishing or Preparing, and connector 0 and every other connector Available")
    public void settledAfterBootIfBooted() {
        if (rebooting().awaitBootIfAny()) {
            rebooting().assertTransactionConnectorSettledAfterTheBoot();
        }
    }

    @When("the central system sends ChangeAvailability {AvailabilityType} for the connector")
    public void changeAvailabilityOfTheConnector(AvailabilityType type) {
        rebooting().changeAvailabilityOfTheConnector(type);
    }

    // ---------------------------------------------------------------- TC_017_x_CS, TC_018_x_CS, TC_005_2_CS: unlocking

    @When("the central system asks the station to unlock the connector")
    public void unlockConnector() {
        unlock().unlock();
    }

    @Then("the station answers the unlock {word}")
    public void unlockAnswered(String status) {
        unlock().assertAnswered(List.of(named(UnlockStatus.class, UnlockStatus::valueOf, status)));
    }

    @Then("the station answers the unlock {word} or {word}")
    public void unlockAnsweredEither(String status, String other) {
        unlock().assertAnswered(List.of(named(UnlockStatus.class, UnlockStatus::valueOf, status),
                named(UnlockStatus.class, UnlockStatus::valueOf, other)));
    }

    private static Reason reason(String name) {
        return named(Reason.class, Reason::valueOf, name);
    }

    /** An OCPP enum value named in a feature; a misspelt one fails saying which names there are. */
    private static <E extends Enum<E>> E named(Class<E> type, Function<String, E> valueOf, String name) {
        try {
            return valueOf.apply(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not an OCPP 1.6 " + type.getSimpleName() + "; it is one of "
                    + Arrays.toString(type.getEnumConstants()), e);
        }
    }
}
