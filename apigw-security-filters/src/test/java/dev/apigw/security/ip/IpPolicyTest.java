package dev.apigw.security.ip;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IpPolicyTest {

    @Test
    void collectsRangesFromSeveralCalls() {
        IpPolicy policy = IpPolicy.builder().allow("203.0.113.0/24").allow("2001:db8::/32", "192.0.2.1")
                .deny("203.0.113.7").build();
        assertThat(policy.allow().ranges()).map(Cidr::toString)
                .containsExactly("203.0.113.0/24", "2001:db8::/32", "192.0.2.1/32");
        assertThat(policy.deny().ranges()).map(Cidr::toString).containsExactly("203.0.113.7/32");
    }

    @Test
    void emptyPolicyAllowsEveryAddress() {
        assertThat(IpPolicy.builder().build()).isSameAs(IpPolicy.allowAll());
        assertThat(IpPolicy.allowAll().allow().isEmpty()).isTrue();
        assertThat(IpPolicy.allowAll().deny().isEmpty()).isTrue();
    }

    @Test
    void namesListAndIndexOfAnInvalidRange() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IpPolicy.builder().allow("10.0.0.0/8").allow("10.0.0.1/8").build())
                .withMessage("allow[1]: 10.0.0.1/8 has host bits set; did you mean 10.0.0.0/8?");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IpPolicy.builder().deny("example.com").build())
                .withMessageStartingWith("deny[0]: \"example.com\" is not a CIDR range");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> IpPolicy.builder().deny((String) null).build())
                .withMessage("deny[0]: a range must not be null");
    }

    @Test
    void isUnaffectedByTheBuilderAfterwards() {
        IpPolicy.Builder builder = IpPolicy.builder().allow("10.0.0.0/8");
        IpPolicy policy = builder.build();
        builder.allow("192.0.2.0/24");
        assertThat(policy.allow().ranges()).hasSize(1);
    }
}
