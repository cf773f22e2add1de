package io.chargecheck.simulator;

import io.chargecheck.ocpp.message.Security.CertificateHashData;
import io.chargecheck.ocpp.message.Security.CertificateSignedRequest;
import io.chargecheck.ocpp.message.Security.CertificateSignedResponse;
import io.chargecheck.ocpp.message.Security.CertificateSignedStatus;
import io.chargecheck.ocpp.message.Security.CertificateUse;
import io.chargecheck.ocpp.message.Security.DeleteCertificateRequest;
import io.chargecheck.ocpp.message.Security.DeleteCertificateResponse;
import io.chargecheck.ocpp.message.Security.DeleteCertificateStatus;
import io.chargecheck.ocpp.message.Security.GenericStatus;
import io.chargecheck.ocpp.message.Security.GetInstalledCertificateIdsRequest;
import io.chargecheck.ocpp.message.Security.GetInstalledCertificateIdsResponse;
import io.chargecheck.ocpp.message.Security.GetInstalledCertificateStatus;
import io.chargecheck.ocpp.message.Security.HashAlgorithm;
import io.chargecheck.ocpp.message.Security.InstallCertificateRequest;
import io.chargecheck.ocpp.message.Security.InstallCertificateResponse;
import io.chargecheck.ocpp.message.Security.InstallCertificateStatus;
import io.chargecheck.ocpp.message.Security.SignCertificateRequest;
import io.chargecheck.security.CertificateAuthority;
import io.chargecheck.security.Certificates;
import io.chargecheck.security.KeyAndChain;
import io.chargecheck.security.Pem;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The station's certificates (security extension): the root certificates it trusts, by use
 * (InstallCertificate, DeleteCertificate, GetInstalledCertificateIds), and its own key and client
 * certificate: a new key pair and CSR on request (ExtendedTriggerMessage SignChargePointCertificate,
 * then SignCertificate), the signed certificate checked before it is taken (CertificateSigned), an
 * invalid one refused with a security event.
 */
final class CertificateStore {

    private final Station station;
    private final EventLog log;
    private final Map<CertificateUse, List<X509Certificate>> roots = new EnumMap<>(CertificateUse.class);
    private KeyAndChain clientCertificate;
    /** The key of the CSR sent last, until its certificate comes. */
    private KeyPair pending;

    CertificateStore(Station station) {
        this.station = station;
        this.log = station.log;
        SecuritySetup setup = station.config.security();
        for (CertificateUse use : CertificateUse.values()) {
            roots.put(use, new ArrayList<>());
        }
        setup.centralSystemRoots().forEach(pem -> roots.get(CertificateUse.CentralSystemRootCertificate).addAll(Pem.certificates(pem)));
        setup.manufacturerRoots().forEach(pem -> roots.get(CertificateUse.ManufacturerRootCertificate).addAll(Pem.certificates(pem)));
        if (setup.factoryCa() != null) {
            KeyPair keys = CertificateAuthority.newKeyPair();
            String chain = setup.factoryCa().apply(Pem.of(CertificateAuthority.csr(keys, commonName(), setup.cpoName())));
            clientCertificate = new KeyAndChain(keys.getPrivate(), Pem.certificates(chain));
        }
    }

    void register(RemoteCommands commands) {
        commands.on(InstallCertificateRequest.class, this::install);
        commands.on(DeleteCertificateRequest.class, this::delete);
        commands.on(GetInstalledCertificateIdsRequest.class, this::installedIds);
        commands.on(CertificateSignedRequest.class, this::certificateSigned);
    }

    List<X509Certificate> centralSystemRoots() {
        return List.copyOf(roots.get(CertificateUse.CentralSystemRootCertificate));
    }

    List<X509Certificate> manufacturerRoots() {
        return List.copyOf(roots.get(CertificateUse.ManufacturerRootCertificate));
    }

    /** Its client certificate with its key, or null when it has none. */
    KeyAndChain clientCertificate() {
        return clientCertificate;
    }

    /** What its CSRs name it: its serial number, as the whitepaper wants a charge point certificate's commonName. */
    private String commonName() {
        String serial = station.config.identity().serialNumber();
        if (serial == null || station.has(Quirk.CLIENT_CERTIFICATE_NOT_NAMED_BY_SERIAL_NUMBER)) {
            return station.config.chargePointId();
        }
        return serial;
    }

    // ------------------------------------------------------------------ root certificates

    private Answer install(InstallCertificateRequest request) {
        CertificateUse use = request.certificateType();
        X509Certificate certificate;
        try {
            List<X509Certificate> certificates = Pem.certificates(request.certificate());
            certificate = certificates.get(0);
        } catch (IllegalArgumentException e) {
            return refuseRoot(use, e.getMessage());
        }
        Optional<String> problem = Certificates.rootProblem(certificate, station.now());
        if (problem.isPresent()) {
            if (!station.has(Quirk.INVALID_ROOT_CERTIFICATE_INSTALLED)) {
                return refuseRoot(use, problem.get());
            }
            log.info("InstallCertificate {}: {}; installed all the same (quirk invalid-root-certificate-installed)", use,
                    problem.get());
        }
        List<X509Certificate> ofUse = roots.get(use);
        if (ofUse.contains(certificate)) {
            log.info("InstallCertificate {}: Accepted, installed already", use);
            return Answer.of(new InstallCertificateResponse(InstallCertificateStatus.Accepted));
        }
        if (roots.values().stream().mapToInt(List::size).sum() >= Security.STORE_MAX_LENGTH) {
            log.info("InstallCertificate {}: Failed, the store is full ({} certificates)", use, Security.STORE_MAX_LENGTH);
            return Answer.of(new InstallCertificateResponse(InstallCertificateStatus.Failed));
        }
        ofUse.add(certificate);
        log.info("InstallCertificate {}: Accepted, {}", use, Certificates.describe(certificate));
        return Answer.of(new InstallCertificateResponse(InstallCertificateStatus.Accepted));
    }

    private Answer refuseRoot(CertificateUse use, String why) {
        log.info("InstallCertificate {}: Rejected, {}", use, why);
        return Answer.of(new InstallCertificateResponse(InstallCertificateStatus.Rejected), () -> {
            if (use == CertificateUse.CentralSystemRootCertificate) {
                station.security.event("InvalidCentralSystemCertificate", why);
            }
        });
    }

    private Answer installedIds(GetInstalledCertificateIdsRequest request) {
        List<CertificateHashData> ids = roots.get(request.certificateType()).stream()
                .map(root -> hashData(root, HashAlgorithm.SHA256)).toList();
        log.info("GetInstalledCertificateIds {}: {} installed", request.certificateType(), ids.size());
        return Answer.of(ids.isEmpty() ? new GetInstalledCertificateIdsResponse(null, GetInstalledCertificateStatus.NotFound)
                : new GetInstalledCertificateIdsResponse(ids, GetInstalledCertificateStatus.Accepted));
    }

    private Answer delete(DeleteCertificateRequest request) {
        CertificateHashData wanted = request.certificateHashData();
        for (Map.Entry<CertificateUse, List<X509Certificate>> ofUse : roots.entrySet()) {
            for (X509Certificate root : ofUse.getValue()) {
                if (Certificates.sameCertificate(hashData(root, wanted.hashAlgorithm()), wanted)) {
                    if (station.has(Quirk.DELETED_CERTIFICATE_KEPT)) {
                        log.info("DeleteCertificate: Accepted, the certificate kept (quirk deleted-certificate-kept)");
                    } else {
                        ofUse.getValue().remove(root);
                        log.info("DeleteCertificate: Accepted, {} {} deleted", ofUse.getKey(), Certificates.describe(root));
                    }
                    return Answer.of(new DeleteCertificateResponse(DeleteCertificateStatus.Accepted));
                }
            }
        }
        log.info("DeleteCertificate: NotFound");
        return Answer.of(new DeleteCertificateResponse(DeleteCertificateStatus.NotFound));
    }

    /** A root's hash data: as OCPP defines it, or, with a quirk, with the issuer key hash over its whole key info. */
    private CertificateHashData hashData(X509Certificate root, HashAlgorithm algorithm) {
        CertificateHashData right = Certificates.hashData(root, algorithm);
        if (!station.has(Quirk.CERTIFICATE_HASH_OF_WHOLE_KEY_INFO)) {
            return right;
        }
        return new CertificateHashData(algorithm, right.issuerNameHash(),
                Certificates.hex(Certificates.digest(algorithm, root.getPublicKey().getEncoded())), right.serialNumber());
    }

    // ------------------------------------------------------------------ its own certificate

    /** ExtendedTriggerMessage SignChargePointCertificate: a new key pair, and its CSR to the central system. */
    void renew() {
        KeyPair keys = CertificateAuthority.newKeyPair();
        pending = keys;
        String csr = Pem.of(CertificateAuthority.csr(keys, commonName(), station.security.cpoName()));
        log.info("new key pair; SignCertificate with a CSR for CN={}", commonName());
        Outbox.Outgoing<io.chargecheck.ocpp.message.Security.SignCertificateResponse> sent =
                station.outbox.send(new SignCertificateRequest(csr));
        sent.answer.whenComplete((answer, error) -> station.execute(() -> {
            if (error == null && answer.status() == GenericStatus.Rejected && pending == keys) {
                log.info("SignCertificate Rejected: the new key is dropped");
                pending = null;
            }
        }));
    }

    private Answer certificateSigned(CertificateSignedRequest request) {
        List<X509Certificate> chain;
        try {
            chain = Pem.certificates(request.certificateChain());
        } catch (IllegalArgumentException e) {
            return refuseOwn(e.getMessage());
        }
        KeyPair keys = pending;
        if (!station.has(Quirk.INVALID_CERTIFICATE_ACCEPTED)) {
            if (keys == null) {
                return refuseOwn("no CSR of the station is waiting for a certificate");
            }
            if (!chain.get(0).getPublicKey().equals(keys.getPublic())) {
                return refuseOwn("the certificate is not for the key of the station's CSR");
            }
            Optional<String> problem = Certificates.chainProblem(chain, centralSystemRoots(), station.now());
            if (problem.isPresent()) {
                return refuseOwn(problem.get());
            }
        } else if (keys == null) {
            keys = CertificateAuthority.newKeyPair();
        }
        KeyPair taken = keys;
        pending = null;
        boolean keepOld = station.has(Quirk.KEEPS_OLD_CERTIFICATE);
        log.info("CertificateSigned: Accepted, {}{}", Certificates.describe(chain.get(0)),
                keepOld ? "; the old certificate stays in use (quirk keeps-old-certificate)"
                        : station.has(Quirk.INVALID_CERTIFICATE_ACCEPTED) ? " (quirk invalid-certificate-accepted: not checked)" : "");
        if (!keepOld) {
            clientCertificate = new KeyAndChain(taken.getPrivate(), chain);
        }
        return Answer.of(new CertificateSignedResponse(CertificateSignedStatus.Accepted), () -> {
            if (station.security.profile() == 3) {
                station.security.reconnect("new client certificate");
            }
        });
    }

    private Answer refuseOwn(String why) {
        log.info("CertificateSigned: Rejected, {}", why);
        pending = null;
        return Answer.of(new CertificateSignedResponse(CertificateSignedStatus.Rejected),
                () -> station.security.event("InvalidChargePointCertificate", why));
    }
}
