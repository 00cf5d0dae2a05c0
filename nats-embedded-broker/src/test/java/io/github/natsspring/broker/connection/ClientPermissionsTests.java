package io.github.natsspring.broker.connection;

import java.time.Duration;

import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.ResponsePermission;
import io.github.natsspring.broker.SubjectPermission;
import io.github.natsspring.broker.auth.Permissions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one connection remembers of its permissions: reply grants used up or expired, and filtering turned on by a
 * wildcard subscription only.
 */
class ClientPermissionsTests {

	@Test
	void aDeliveredRequestLetsTheClientReplyAsOftenAsAllowedThenNoMore() {
		ClientPermissions permissions = responder(new ResponsePermission(2, Duration.ofMinutes(1)));

		permissions.delivered("_INBOX.1");

		assertThat(permissions.allowsPublishing("_INBOX.1")).isTrue();
		assertThat(permissions.allowsPublishing("_INBOX.1")).isTrue();
		assertThat(permissions.allowsPublishing("_INBOX.1")).isFalse();
		assertThat(permissions.allowsPublishing("_INBOX.2")).isFalse();
	}

	@Test
	void aReplyGrantExpires() {
		ClientPermissions permissions = responder(new ResponsePermission(5, Duration.ofMillis(50)));

		permissions.delivered("_INBOX.1");

		await().atMost(Duration.ofSeconds(2)).until(() -> !permissions.allowsPublishing("_INBOX.1"));
	}

	@Test
	void aDeliveredRequestRenewsItsGrant() {
		ClientPermissions permissions = responder(ResponsePermission.defaults());

		permissions.delivered("_INBOX.1");
		assertThat(permissions.allowsPublishing("_INBOX.1")).isTrue();
		permissions.delivered("_INBOX.1");

		assertThat(permissions.allowsPublishing("_INBOX.1")).isTrue();
	}

	@Test
	void onlyAWildcardSubscriptionReachingADeniedSubjectTurnsOnDeliveryFiltering() {
		ClientPermissions permissions = new ClientPermissions(Permissions.of(
				BrokerPermissions.of(SubjectPermission.unrestricted(), SubjectPermission.denying("a.secret"))));

		assertThat(permissions.allowsSubscribing("a.open", null)).isTrue();
		assertThat(permissions.deniesDelivery("a.secret")).isFalse();

		assertThat(permissions.allowsSubscribing("a.*", null)).isTrue();
		assertThat(permissions.deniesDelivery("a.secret")).isTrue();
		assertThat(permissions.deniesDelivery("a.open")).isFalse();
	}

	private static ClientPermissions responder(ResponsePermission responses) {
		return new ClientPermissions(Permissions.of(
				BrokerPermissions.of(SubjectPermission.denying(">"), SubjectPermission.unrestricted())
					.allowingResponses(responses)));
	}
}
