package io.chargecheck.simulator;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How a simulated station comes out of the factory for the OCPP 1.6 security extension: the
 * security profile it starts with, where the central system listens for each profile (a station
 * told to change its profile reconnects there), the root certificates it holds, and the CA that
 * signs the CSR of its first client certificate (needed to start on profile 3).
 *
 * @param profile            the SecurityProfile key at start, 0 to 3
 * @param centralSystemUrls  the central system's URL (without the charge point id) per profile; a
 *                           profile not named uses {@link SimulatorConfig#centralSystemUrl()}
 * @param centralSystemRoots CentralSystemRootCertificates installed at the factory, PEM
 * @param manufacturerRoots  ManufacturerRootCertificates installed at the factory, PEM
 * @param factoryCa          signs a CSR (PEM) into a certificate chain (PEM); null: the station has no client certificate
 * @param cpoName            the CpoName key, the O of its CSRs
 */
public record SecuritySetup(int profile, Map<Integer, URI> centralSystemUrls, List<String> centralSystemRoots,
                            List<String> manufacturerRoots, UnaryOperator<String> factoryCa, String cpoName) {

    /** No security: profile 0, no certificates; the station still implements the extension's messages. */
    public static final SecuritySetup NONE = new SecuritySetup(0, Map.of(), List.of(), List.of(), null, "ChargeCheck CPO");

    public SecuritySetup {
        if (profile < 0 || profile > 3) {
            throw new IllegalArgumentException("a security profile is 0 to 3, got " + profile);
        }
        centralSystemUrls = Map.copyOf(centralSystemUrls);
        centralSystemRoots = List.copyOf(centralSystemRoots);
        manufacturerRoots = List.copyOf(manufacturerRoots);
        Objects.requireNonNull(cpoName, "cpoName");
        if (profile >= 2 && centralSystemRoots.isEmpty()) {
            throw new IllegalArgumentException("security profile " + profile + " needs a CentralSystemRootCertificate to trust");
        }
        if (profile == 3 && factoryCa == null) {
            throw new IllegalArgumentException("security profile 3 needs a client certificate: give the CA that signs it");
        }
    }

    public SecuritySetup withProfile(int newProfile) {
        return new SecuritySetup(newProfile, centralSystemUrls, centralSystemRoots, manufacturerRoots, factoryCa, cpoName);
    }
}
