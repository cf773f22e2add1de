package io.chargecheck.steps;

import io.chargecheck.certification.octt.CertificateManagement;
import io.chargecheck.certification.octt.SecurityLog;
import io.chargecheck.certification.octt.SecurityProfiles;
import io.chargecheck.certification.octt.SignedFirmware;
import io.chargecheck.ocpp.message.Security.CertificateUse;
import io.chargecheck.ocpp.message.Security.InstallCertificateStatus;
import io.chargecheck.security.CertificateAuthority;
import io.cucumber.java.After;
import io.cucumber.java.ParameterType;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.security.cert.X509Certificate;

/** The OCA's plan, section 2.24: the cases of the OCPP 1.6 security extension (TC_073_CS to TC_087_CS). */
public class OcttSecuritySteps {

    private final World world;
    private SecurityProfiles profiles;
    private CertificateManagement certificates;
    private SecurityLog securityLog;
    private SignedFirmware firmware;

    public OcttSecuritySteps(World world) {
        this.world = world;
    }

    private SecurityProfiles profiles() {
        if (profiles == null) {
            profiles = new SecurityProfiles(world.context);
        }
        return profiles;
    }

    private CertificateManagement certificates() {
        if (certificates == null) {
            certificates = new CertificateManagement(world.context);
        }
        return certificates;
    }

    private SecurityLog securityLog() {
        if (securityLog == null) {
            securityLog = new SecurityLog(world.context);
        }
        return securityLog;
    }

    private SignedFirmware firmware() {
        if (firmware == null) {
            firmware = new SignedFirmware(world.context);
        }
        return firmware;
    }

    private X509Certificate testRoot() {
        return world.context.bench().certificates().testRoot();
    }

    @ParameterType("ManufacturerRootCertificate|CentralSystemRootCertificate")
    public CertificateUse CertificateUse(String name) {
        return CertificateUse.valueOf(name);
    }

    /** A live charger keeps the run's password after TC_073_CS; a simulated one is thrown away. */
    @After(value = "@TC_073_CS", order = 10)
    public void restorePassword() {
        if (world.context != null) {
            profiles().restorePassword();
        }
    }

    // ---------------------------------------------------------------- TC_073_CS

    @When("the central system gives the station a new AuthorizationKey")
    public void newPassword() {
        profiles().giveNewPassword();
    }

    @Then("the station closes its connection and reconnects with the new AuthorizationKey")
    public void reconnectedWithNewPassword() {
        profiles().assertReconnectedWithNewPassword();
    }

    // ---------------------------------------------------------------- TC_074_CS, TC_077_CS

    @Given("the station's CpoName is the CPO of the test data")
    public void cpoName() {
        certificates().configureCpoName();
    }

    @When("the central system asks the station to renew its charge point certificate")
    public void renew() {
        certificates().renewChargePointCertificate();
    }

    @Then("the station sends a certificate signing request, which the central system signs and the station accepts")
    public void signedAndAccepted() {
        certificates().signTheRequest(true);
        certificates().assertSignedCertificateAccepted();
    }

    @Then("the station reconnects with its new certificate")
    public void reconnectedWithNewCertificate() {
        certificates().assertReconnectedWithNewCertificate();
    }

    @When("the central system signs the station's certificate signing request with a CA the station does not trust")
    public void signedByStranger() {
        certificates().signTheRequest(false);
    }

    @Then("the station rejects the certificate and reports the security event InvalidChargePointCertificate")
    public void signedCertificateRejected() {
        certificates().assertSignedCertificateRejected();
    }

    // ---------------------------------------------------------------- TC_075_CS, TC_076_CS, TC_078_CS

    @When("the central system installs the test root certificate as {CertificateUse}")
    public void installTestRoot(CertificateUse use) {
        certificates().install(use, testRoot());
    }

    @Then("the station accepts it and lists the test root certificate among its {CertificateUse} certificates")
    public void testRootListed(CertificateUse use) {
        certificates().assertInstallAnswered(InstallCertificateStatus.Accepted);
        certificates().assertListed(use, testRoot());
    }

    @Given("the test root certificate is installed as {CertificateUse}")
    public void testRootInstalled(CertificateUse use) {
        certificates().certificateInstalled(use, testRoot());
    }

    @When("the central system deletes the test root certificate {CertificateUse}, named by the hash the station uses")
    public void deleteTestRoot(CertificateUse use) {
        certificates().delete(use, testRoot());
    }

    @Then("the station no longer lists the test root certificate among its {CertificateUse} certificates")
    public void testRootNotListed(CertificateUse use) {
        certificates().assertNotListed(use, testRoot());
    }

    @When("the central system installs an expired root certificate as CentralSystemRootCertificate")
    public void installExpiredRoot() {
        world.scene.lastAction = world.context.evidence().mark();
        certificates().install(CertificateUse.CentralSystemRootCertificate, CertificateAuthority.expiredRoot("ChargeCheck expired root"));
    }

    @Then("the station rejects it and reports the security event InvalidCentralSystemCertificate")
    public void expiredRootRejected() {
        certificates().assertRootRejected();
    }

    // ---------------------------------------------------------------- TC_079_CS

    @When("the central system asks for the station's security log")
    public void askForSecurityLog() {
        securityLog().request();
    }

    @Then("the station reports LogStatusNotification Uploading, then Uploaded")
    public void uploadingThenUploaded() {
        securityLog().assertUploadingThenUploaded();
    }

    @Then("the security log is on the file server")
    public void securityLogOnServer() {
        securityLog().assertFileOnServer();
    }

    // ---------------------------------------------------------------- TC_080_CS, TC_081_CS

    @Given("a firmware signed by its manufacturer is on the file server")
    public void signedFirmwareServed() {
        firmware().serve();
    }

    @When("the central system sends SignedUpdateFirmware with its signature")
    public void signedUpdate() {
        firmware().requestUpdate(true);
    }

    @When("the central system sends SignedUpdateFirmware with a signature that does not match the firmware")
    public void wronglySignedUpdate() {
        firmware().requestUpdate(false);
    }

    @Then("the station reports Downloading, Downloaded, SignatureVerified, Installing and Installed, and boots into the new firmware")
    public void installedAndBootedInto() {
        firmware().assertInstalledAndBootedInto();
    }

    @Then("the station reports Downloading, Downloaded and InvalidSignature, and installs nothing")
    public void refused() {
        firmware().assertRefused();
    }

    // ---------------------------------------------------------------- TC_083_CS, TC_084_CS

    @Given("the station has what its next security profile needs")
    public void preparedForNextProfile() {
        profiles().prepareNextProfile();
    }

    @When("the central system raises the station's SecurityProfile by one")
    public void raise() {
        profiles().raiseProfile();
    }

    @Then("the station reconnects with the higher security profile")
    public void reconnectedHigher() {
        profiles().assertReconnectedWithHigherProfile();
    }

    @When("the central system lowers the station's SecurityProfile by one")
    public void lower() {
        profiles().lowerProfile();
    }

    @Then("the station rejects the lower security profile")
    public void lowerRejected() {
        profiles().assertLoweringRejected();
    }

    // ---------------------------------------------------------------- TC_085_CS to TC_087_CS

    @When("the station is reset and reconnects")
    public void resetAndReconnect() {
        profiles().hardReset();
    }

    @Then("its WebSocket upgrade carried HTTP Basic credentials of its charge point id and an AuthorizationKey of 16 to 20 bytes")
    public void basicAuthentication() {
        profiles().assertBasicAuthentication();
    }

    @Then("it accepted the central system's certificate over TLS 1.2 or later, offering the cipher suites the whitepaper requires")
    public void serverSideTls() {
        profiles().assertServerSideTls();
    }

    @Then("it presented a client certificate with a key as long as the whitepaper requires, a serial number, and its own serial number as commonName")
    public void clientCertificate() {
        profiles().assertClientCertificate();
    }
}
