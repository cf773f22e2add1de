/**
 * The certificates of the OCPP 1.6 security extension, made with Bouncy Castle: a certificate
 * authority per run (or one loaded from a keystore) that issues the central system's server
 * certificate (security profiles 2 and 3), client certificates (profile 3) and signs a station's
 * CSR (SignCertificate); a manufacturer whose certificate signs firmware (SignedUpdateFirmware);
 * PEM, the OCSP-style hashes OCPP names certificates by, chain checks and TLS contexts. No OCPP
 * session here: the central system, the simulator and the cases use it.
 */
package io.chargecheck.security;
