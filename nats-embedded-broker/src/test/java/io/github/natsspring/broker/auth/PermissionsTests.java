package io.github.natsspring.broker.auth;

import java.util.List;

import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.ResponsePermission;
import io.github.natsspring.broker.SubjectPermission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * nats-server 2.9.10's permission rules, checked without a connection.
 */
class PermissionsTests {

	@Test
	void noPermissionsMeansEverythingIsAllowed() {
		assertThat(Permissions.of(null)).isNull();
	}

	@Test
	void denyWinsOverAllowAndWildcardsWorkInBoth() {
		Permissions permissions = publishing(SubjectPermission.allowing("a.>").andDenying("a.secret", "a.*.hidden"));

		assertThat(permissions.allowsPublishing("a.b.c")).isTrue();
		assertThat(permissions.allowsPublishing("a.secret")).isFalse();
		assertThat(permissions.allowsPublishing("a.x.hidden")).isFalse();
		assertThat(permissions.allowsPublishing("b")).isFalse();
	}

	@Test
	void anEmptyPublishAllowListAllowsNothingButNoListAllowsEverything() {
		assertThat(publishing(new SubjectPermission(List.of(), List.of())).allowsPublishing("any")).isFalse();
		assertThat(publishing(SubjectPermission.unrestricted()).restrictsPublishing()).isFalse();
	}

	@Test
	void aWildcardSubscriptionMustLieInTheAllowList() {
		Permissions permissions = subscribing(SubjectPermission.allowing("a.>"));

		assertThat(permissions.allowsSubscribing("a.*", null)).isTrue();
		assertThat(permissions.allowsSubscribing("b.*", null)).isFalse();
		assertThat(permissions.allowsSubscribing(">", null)).isFalse();
	}

	@Test
	void anAllowEntryWithAQueueAllowsOnlyThatQueue() {
		Permissions permissions = subscribing(new SubjectPermission(List.of("foo", "bar v1", "baz v.*"), List.of()));

		assertThat(permissions.allowsSubscribing("foo", "any")).isTrue();
		assertThat(permissions.allowsSubscribing("bar", null)).isFalse();
		assertThat(permissions.allowsSubscribing("bar", "v1")).isTrue();
		assertThat(permissions.allowsSubscribing("bar", "v2")).isFalse();
		assertThat(permissions.allowsSubscribing("baz", "v.3")).isTrue();
		assertThat(permissions.allowsSubscribing("baz", "w.3")).isFalse();
	}

	@Test
	void aDenyEntryWithAQueueDeniesOnlyThatQueue() {
		Permissions permissions = subscribing(new SubjectPermission(null, List.of("foo v1")));

		assertThat(permissions.allowsSubscribing("foo", null)).isTrue();
		assertThat(permissions.allowsSubscribing("foo", "v2")).isTrue();
		assertThat(permissions.allowsSubscribing("foo", "v1")).isFalse();
		assertThat(permissions.denyLiesWithin("foo")).isFalse();
	}

	@Test
	void aWildcardSubscriptionReachingADeniedSubjectHasItsDeliveriesFiltered() {
		Permissions permissions = subscribing(SubjectPermission.denying("a.secret"));

		assertThat(permissions.allowsSubscribing("a.*", null)).isTrue();
		assertThat(permissions.denyLiesWithin("a.*")).isTrue();
		assertThat(permissions.denyLiesWithin("b.*")).isFalse();
		assertThat(permissions.deniesDelivery("a.secret")).isTrue();
		assertThat(permissions.deniesDelivery("a.open")).isFalse();
	}

	@Test
	void allowingResponsesWithoutAPublishAllowListAllowsPublishingNothingElse() {
		BrokerPermissions permissions = BrokerPermissions
			.of(SubjectPermission.unrestricted(), SubjectPermission.unrestricted())
			.allowingResponses(ResponsePermission.defaults());

		assertThat(Permissions.of(permissions).allowsPublishing("anything")).isFalse();
	}

	@Test
	void anEntryThatIsNoSubjectIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SubjectPermission.allowing("a..b"))
			.withMessage("invalid permission subject \"a..b\"");
		assertThatIllegalArgumentException().isThrownBy(() -> SubjectPermission.denying("a q extra"))
			.withMessage("invalid permission subject \"a q extra\"");
	}

	private static Permissions publishing(SubjectPermission publish) {
		return Permissions.of(BrokerPermissions.of(publish, SubjectPermission.unrestricted()));
	}

	private static Permissions subscribing(SubjectPermission subscribe) {
		return Permissions.of(BrokerPermissions.of(SubjectPermission.unrestricted(), subscribe));
	}
}
