package io.chargecheck.steps;

import io.chargecheck.certification.octt.DiagnosticsCases;
import io.chargecheck.certification.octt.FirmwareCases;
import io.chargecheck.certification.octt.LocalList;
import io.chargecheck.certification.octt.Reservations;
import io.chargecheck.certification.octt.ReusableStates;
import io.chargecheck.certification.octt.Triggering;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateStatus;
import io.chargecheck.ocpp.message.RemoteTrigger.MessageTrigger;
import io.chargecheck.ocpp.message.Reservation.CancelReservationStatus;
import io.chargecheck.ocpp.message.Reservation.ReservationStatus;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;

/**
 * The OCA's cases of the profiles beyond Core (sections 2.17 to 2.21): the local authorization
 * list, firmware management, diagnostics, reservations and remote trigger. Each step is one or two
 * calls into the domain class of its topic.
 */
public class OcttProfilesSteps {

    private final World world;
    private ReusableStates states;
    private LocalList localList;
    private FirmwareCases firmware;
    private DiagnosticsCases diagnostics;
    private Reservations reservations;
    private Triggering triggering;

    public OcttProfilesSteps(World world) {
        this.world = world;
    }

    private ReusableStates states() {
        if (states == null) {
            states = new ReusableStates(world.context);
        }
        return states;
    }

    private LocalList localList() {
        if (localList == null) {
            localList = new LocalList(world.context);
        }
        return localList;
    }

    /** On the file server of the vendor script's case 12, so that the script's firmware steps serve these cases too. */
    private FirmwareCases firmware() {
        if (firmware == null) {
            firmware = new FirmwareCases(world.context, world.firmware);
        }
        return firmware;
    }

    private DiagnosticsCases diagnostics() {
        if (diagnostics == null) {
            diagnostics = new DiagnosticsCases(world.context, world.diagnostics);
        }
        return diagnostics;
    }

    private Reservations reservations() {
        if (reservations == null) {
            reservations = new Reservations(world.context);
        }
        return reservations;
    }

    private Triggering triggering() {
        if (triggering == null) {
            triggering = new Triggering(world.context);
        }
        return triggering;
    }

    @ParameterType("Accepted|Failed|NotSupported|VersionMismatch")
    public UpdateStatus UpdateStatus(String name) {
        return UpdateStatus.valueOf(name);
    }

    @ParameterType("Accepted|Faulted|Occupied|Rejected|Unavailable")
    public ReservationStatus ReservationStatus(String name) {
        return ReservationStatus.valueOf(name);
    }

    // ---------------------------------------------------------------- 2.17 Local Authorization List

    @When("the central system asks for the local list version")
    public void askLocalListVersion() {
        localList().askVersion();
    }

    @Then("the station reports local list version {int}")
    public void localListVersion(int version) {
        localList().assertVersion(version);
    }

    @Then("the station reports local list version -1, or refuses the request as NotSupported")
    public void noLocalList() {
        localList().assertNoList();
    }

    @When("the central system sends a full local list of version {int} with the {card} card")
    public void sendFullList(int version, String idTag) {
        localList().sendFull(version, idTag);
    }

    @When("the central system sends a full local list of version {int} without any entries")
    public void sendEmptyFullList(int version) {
        localList().sendEmptyFull(version);
    }

    @When("the central system sends a differential local list update of version {int} with the {card} card")
    public void sendDifferentialUpdate(int version, String idTag) {
        localList().sendDifferential(version, idTag);
    }

    @Then("the station answers the local list update {UpdateStatus}")
    public void localListUpdateAnswered(UpdateStatus status) {
        localList().assertUpdateAnswered(status);
    }

    @Then("the station refuses the local list as not supported")
    public void localListNotSupported() {
        localList().assertUpdateNotSupported();
    }

    @Given("the station cannot store a local list")
    public void localListStorageBroken() {
        localList().breakStorage();
    }

    @Then("the transaction starts from the local list, without an Authorize, for the {card} card")
    public void startedFromTheList(String idTag) {
        localList().assertStartedFromTheList(idTag);
    }

    // ---------------------------------------------------------------- 2.18 Firmware Management

    @Given("a firmware file the station must refuse is on the file server")
    public void firmwareToRefuse() {
        firmware().serveFirmwareToRefuse();
    }

    @When("the central system sends UpdateFirmware, without retries, for a location where nothing is served")
    public void updateFromNowhere() {
        firmware().requestUpdateFromNowhere();
    }

    @Then("the station reports firmware status DownloadFailed, after Downloading if at all")
    public void downloadFailed() {
        firmware().assertDownloadFailed();
    }

    @Then("the station reports firmware status Downloading, Downloaded, Installing if at all, and InstallationFailed in order")
    public void installationFailed() {
        firmware().assertInstallationFailed();
    }

    @Then("the connector reports Available after the reboot")
    public void availableAfterTheReboot() {
        firmware().assertAvailableAfterTheReboot();
    }

    @Then("if the station reboots, the connector reports Available after the reboot")
    public void availableIfRebooted() {
        firmware().assertAvailableIfRebooted();
    }

    // ---------------------------------------------------------------- 2.19 Diagnostics

    @When("the central system sends GetDiagnostics, without retries, for a location where no upload can succeed")
    public void diagnosticsToNowhere() {
        diagnostics().requestUploadToNowhere();
    }

    @Then("the station reports diagnostics status Uploading, then UploadFailed")
    public void uploadFailed() {
        diagnostics().assertUploadFailed();
    }

    @Then("the diagnostics file has arrived on the file server")
    public void diagnosticsFileArrived() {
        diagnostics().assertFileArrived();
    }

    // ---------------------------------------------------------------- 2.20 Reservation

    @Given("every other connector is unavailable")
    public void otherConnectorsUnavailable() {
        states().otherConnectorsUnavailable();
    }

    @Given("every connector is occupied")
    public void everyConnectorOccupied() {
        reservations().everyConnectorOccupied();
    }

    @Given("the connector is charging for the {card} card")
    public void chargingFor(String idTag) {
        states().charging(idTag);
    }

    @When("the central system reserves the connector for the {card} card")
    public void reserveConnector(String idTag) {
        reservations().reserveConnector(idTag);
    }

    @When("the central system reserves the connector for the {card} card and its group")
    public void reserveConnectorForTheGroup(String idTag) {
        reservations().reserveConnectorForTheGroupOf(idTag);
    }

    @When("the central system reserves the connector for the {card} card until shortly from now")
    public void reserveConnectorBriefly(String idTag) {
        reservations().reserveConnectorBriefly(idTag);
    }

    @When("the central system reserves the charge point as a whole for the {card} card")
    public void reserveChargePoint(String idTag) {
        reservations().reserveChargePoint(idTag);
    }

    @Then("the station answers the reservation {ReservationStatus}")
    public void reservationAnswered(ReservationStatus status) {
        reservations().assertAnswered(status);
    }

    @Then("the connector reports Available once the reservation has expired")
    public void reservationExpired() {
        reservations().assertExpired();
    }

    @When("the EV driver presents the {card} card at the reserved connector")
    public void presentForeignCard(String idTag) {
        reservations().presentForeignCard(idTag);
    }

    @Then("the connector stays Reserved")
    public void staysReserved() {
        reservations().assertStillReserved();
    }

    @Then("the connector reports Preparing, any Authorize being for the {card} card")
    public void preparingFor(String idTag) {
        reservations().assertPreparingFor(idTag);
    }

    @Then("a transaction starts on the connector, which reports Charging")
    public void transactionStarts() {
        reservations().assertStarted();
    }

    @Then("the StartTransaction names the reservation and the {card} card")
    public void startOnTheReservation(String idTag) {
        reservations().assertStartOnTheReservation(idTag);
    }

    @Then("the StartTransaction names no reservation")
    public void startWithoutReservation() {
        reservations().assertStartWithoutReservation();
    }

    @When("the central system cancels the reservation")
    public void cancelReservation() {
        reservations().cancel();
    }

    @When("the central system cancels a reservation the station does not have")
    public void cancelUnknownReservation() {
        reservations().cancelUnknown();
    }

    @Then("the station accepts the cancellation")
    public void cancellationAccepted() {
        reservations().assertCancellation(CancelReservationStatus.Accepted);
    }

    @Then("the station rejects the cancellation")
    public void cancellationRejected() {
        reservations().assertCancellation(CancelReservationStatus.Rejected);
    }

    // ---------------------------------------------------------------- 2.21 Remote Trigger

    @When("the central system triggers {MessageTrigger} for the connector")
    public void triggerForTheConnector(MessageTrigger message) {
        triggering().trigger(message, true);
    }

    @When("the central system triggers a {MessageTrigger}")
    public void trigger(MessageTrigger message) {
        triggering().trigger(message, false);
    }

    @When("the central system triggers MeterValues for a connector the station does not have")
    public void triggerForMissingConnector() {
        triggering().triggerForMissingConnector();
    }

    @Then("the station accepts the trigger")
    public void triggerAccepted() {
        triggering().assertAccepted(false);
    }

    @Then("the station accepts the trigger, or answers NotImplemented")
    public void triggerAcceptedOrNotImplemented() {
        triggering().assertAccepted(true);
    }

    @Then("the station sends the triggered {MessageTrigger}")
    public void triggeredSent(MessageTrigger message) {
        triggering().assertSent(message, false);
    }

    @Then("the station sends the triggered {MessageTrigger}, with status Idle")
    @Then("the station sends the triggered {MessageTrigger}, with status Idle, if it accepted the trigger")
    public void triggeredSentIdle(MessageTrigger message) {
        triggering().assertSent(message, true);
    }

    @Then("the station rejects the trigger")
    public void triggerRejected() {
        triggering().assertRejected();
    }

    @Then("no MeterValues follow")
    public void noMeterValues() {
        triggering().assertNoMeterValues();
    }
}
