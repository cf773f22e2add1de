package io.chargecheck.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.chargecheck.ocpp.message.Core.AuthorizationStatus;
import io.chargecheck.ocpp.message.Core.IdTagInfo;
import io.chargecheck.ocpp.message.LocalAuthListManagement.AuthorizationData;
import io.chargecheck.ocpp.message.LocalAuthListManagement.SendLocalListRequest;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateStatus;
import io.chargecheck.ocpp.message.LocalAuthListManagement.UpdateType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizationTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private final Authorization authorization = new Authorization();

    @Test
    void theLocalListComesBeforeTheCacheAndExpiredEntriesAreExpired() {
        authorization.remember("A", new IdTagInfo(AuthorizationStatus.Accepted));
        authorization.remember("B", new IdTagInfo(NOW.minusSeconds(1), null, AuthorizationStatus.Accepted));
        authorization.update(new SendLocalListRequest(1, List.of(new AuthorizationData("A",
                new IdTagInfo(AuthorizationStatus.Blocked))), UpdateType.Full), 10, 10);

        assertThat(authorization.lookup("A", true, true, NOW)).contains(AuthorizationStatus.Blocked);
        assertThat(authorization.lookup("A", false, true, NOW)).contains(AuthorizationStatus.Accepted);
        assertThat(authorization.lookup("A", false, false, NOW)).isEmpty();
        assertThat(authorization.lookup("B", true, true, NOW)).contains(AuthorizationStatus.Expired);
        assertThat(authorization.lookup("C", true, true, NOW)).isEmpty();

        authorization.clearCache();
        assertThat(authorization.lookup("B", true, true, NOW)).isEmpty();
        assertThat(authorization.cacheSize()).isZero();
    }

    @Test
    void theLocalListIsReplacedOrUpdatedByVersion() {
        IdTagInfo ok = new IdTagInfo(AuthorizationStatus.Accepted);
        assertThat(authorization.update(new SendLocalListRequest(5, List.of(new AuthorizationData("A", ok),
                new AuthorizationData("B", ok)), UpdateType.Full), 10, 10)).isEqualTo(UpdateStatus.Accepted);
        assertThat(authorization.update(new SendLocalListRequest(5, List.of(), UpdateType.Differential), 10, 10))
                .isEqualTo(UpdateStatus.VersionMismatch);
        assertThat(authorization.update(new SendLocalListRequest(6, List.of(new AuthorizationData("A", null),
                new AuthorizationData("C", ok)), UpdateType.Differential), 10, 10)).isEqualTo(UpdateStatus.Accepted);
        assertThat(authorization.listVersion()).isEqualTo(6);
        assertThat(authorization.listSize()).isEqualTo(2);
        assertThat(authorization.lookup("A", true, false, NOW)).isEmpty();
        assertThat(authorization.update(new SendLocalListRequest(7, List.of(new AuthorizationData("D", ok),
                new AuthorizationData("E", ok)), UpdateType.Differential), 1, 10)).as("too many in one message")
                .isEqualTo(UpdateStatus.Failed);
        assertThat(authorization.update(new SendLocalListRequest(7, List.of(new AuthorizationData("D", ok)),
                UpdateType.Differential), 10, 2)).as("the list would be too long").isEqualTo(UpdateStatus.Failed);
        assertThat(authorization.listVersion()).isEqualTo(6);
    }
}
