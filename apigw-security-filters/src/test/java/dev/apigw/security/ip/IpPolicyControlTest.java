package dev.apigw.security.ip;

import dev.apigw.security.ClientAddress;
import dev.apigw.security.Decision;
import dev.apigw.security.Problem;
import dev.apigw.security.testing.FakeExchange;
import dev.apigw.security.testing.FakeRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpPolicyControlTest {

    private static final IpPolicy ALLOW_AND_DENY = IpPolicy.builder()
            .allow("203.0.113.0/24", "2001:db8::/32").deny("203.0.113.7", "2001:db8:bad::/48").build();
    private static final IpPolicy DENY_ONLY = IpPolicy.builder().deny("198.51.100.0/24").build();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "203.0.113.1, true",
        "203.0.113.255, true",
        "::ffff:203.0.113.1, true",
        "2001:db8::1, true",
        "203.0.113.7, false",
        "::ffff:203.0.113.7, false",
        "2001:db8:bad::1, false",
        "203.0.114.1, false",
        "10.0.0.1, false",
        "::1, false",
        "unknown, false"})
    void denyWinsAndTheAllowListIsExhaustive(String client, boolean proceeds) {
        assertThat(decide(ALLOW_AND_DENY, client).proceeds()).isEqualTo(proceeds);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "198.51.100.9, false",
        "::ffff:198.51.100.9, false",
        "203.0.113.1, true",
        "2001:db8::1, true",
        "unknown, true"})
    void emptyAllowListAllowsEveryAddressNotDenied(String client, boolean proceeds) {
        assertThat(decide(DENY_ONLY, client).proceeds()).isEqualTo(proceeds);
    }

    @Test
    void allowAllLetsEveryoneThrough() {
        assertThat(decide(IpPolicy.allowAll(), "unknown")).isSameAs(Decision.proceed());
        assertThat(decide(IpPolicy.allowAll(), "192.0.2.1")).isSameAs(Decision.proceed());
    }

    @Test
    void rejectsWith403IpDeniedAndAClientSafeDetail() {
        Problem problem = problem(decide(ALLOW_AND_DENY, "203.0.113.7"));
        assertThat(problem.status()).isEqualTo(403);
        assertThat(problem.reason()).isEqualTo("ip_denied");
        assertThat(problem.detail()).isEqualTo("Your network address is not allowed to call this API.");
        assertThat(problem.headers()).isEmpty();
    }

    @Test
    void internalNoteNamesTheDenyRule() {
        assertThat(problem(decide(ALLOW_AND_DENY, "::ffff:203.0.113.7")).internalNote())
                .isEqualTo("client 203.0.113.7 matches deny rule 203.0.113.7/32");
        assertThat(problem(decide(ALLOW_AND_DENY, "2001:db8:bad::1")).internalNote())
                .contains("deny rule 2001:db8:bad::/48");
    }

    @Test
    void internalNoteSaysNoAllowRuleMatched() {
        assertThat(problem(decide(ALLOW_AND_DENY, "10.0.0.1")).internalNote())
                .isEqualTo("client 10.0.0.1 matches none of the 2 allow rules");
        assertThat(problem(decide(ALLOW_AND_DENY, "unknown")).internalNote())
                .isEqualTo("unknown client matches none of the 2 allow rules");
    }

    @Test
    void treatsAMissingClientAddressAsUnknown() {
        FakeExchange exchange = FakeExchange.of(FakeRequest.get("/").build()).withClient(null);
        assertThat(new IpPolicyControl(ALLOW_AND_DENY).decide(exchange).proceeds()).isFalse();
        assertThat(new IpPolicyControl(DENY_ONLY).decide(exchange).proceeds()).isTrue();
    }

    private static Decision decide(IpPolicy policy, String client) {
        ClientAddress address = client.equals("unknown") ? ClientAddress.unknown()
                : ClientAddress.of(CidrTest.address(client));
        return new IpPolicyControl(policy).decide(FakeExchange.of(FakeRequest.get("/").build()).withClient(address));
    }

    private static Problem problem(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Reject.class);
        return ((Decision.Reject) decision).problem();
    }
}
