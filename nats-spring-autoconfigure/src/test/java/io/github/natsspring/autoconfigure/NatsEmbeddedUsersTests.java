package io.github.natsspring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerNkeyUser;
import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBroker;
import io.github.natsspring.broker.ResponsePermission;
import io.github.natsspring.broker.SubjectPermission;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.NKey;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Users of the embedded broker from {@code nats.embedded.users} and {@code nats.embedded.default-permissions}: the
 * options they become, the credentials the auto-configured connection uses, and permissions enforced on the wire.
 */
class NatsEmbeddedUsersTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class))
		.withPropertyValues("nats.embedded.port=0");

	@Test
	void usersAreBoundWithTheirPermissions() {
		this.contextRunner
			.withPropertyValues("nats.embedded.users[0].username=orders", "nats.embedded.users[0].password=o-secret",
					"nats.embedded.users[0].permissions.publish.allow=orders.>",
					"nats.embedded.users[0].permissions.publish.deny=orders.audit",
					"nats.embedded.users[0].permissions.subscribe.allow[0]=orders.*",
					"nats.embedded.users[0].permissions.subscribe.allow[1]=jobs workers",
					"nats.embedded.users[0].permissions.subscribe.deny=orders.secret",
					"nats.embedded.users[1].username=ops", "nats.embedded.users[1].password=ops-secret")
			.run((context) -> {
				BrokerAuth auth = context.getBean(NatsBroker.class).getOptions().auth();
				assertThat(auth.users()).extracting(BrokerUser::username).containsExactly("orders", "ops");
				BrokerPermissions orders = auth.users().get(0).permissions();
				assertThat(orders.publish()).isEqualTo(new SubjectPermission(List.of("orders.>"), List.of("orders.audit")));
				assertThat(orders.subscribe())
					.isEqualTo(new SubjectPermission(List.of("orders.*", "jobs workers"), List.of("orders.secret")));
				assertThat(orders.responses()).isNull();
				assertThat(auth.users().get(1).permissions()).isNull();
				assertThat(auth.defaultPermissions()).isNull();
			});
	}

	@Test
	void aPermissionWithoutAllowListAllowsEverySubjectNotDenied() {
		this.contextRunner
			.withPropertyValues("nats.embedded.users[0].username=u", "nats.embedded.users[0].password=p",
					"nats.embedded.users[0].permissions.publish.deny=orders.>")
			.run((context) -> {
				BrokerPermissions permissions = context.getBean(NatsBroker.class).getOptions().auth().users().get(0)
					.permissions();
				assertThat(permissions.publish()).isEqualTo(SubjectPermission.denying("orders.>"));
				assertThat(permissions.subscribe()).isEqualTo(SubjectPermission.unrestricted());
			});
	}

	@Test
	void allowedResponsesDefaultToOneReplyWithinTwoMinutesAsNatsServer() {
		this.contextRunner
			.withPropertyValues("nats.embedded.users[0].username=u", "nats.embedded.users[0].password=p",
					"nats.embedded.users[0].permissions.allow-responses.enabled=true")
			.run((context) -> assertThat(
					context.getBean(NatsBroker.class).getOptions().auth().users().get(0).permissions().responses())
				.isEqualTo(ResponsePermission.defaults()));
	}

	@Test
	void allowedResponsesTakeMaxMessagesAndExpires() {
		this.contextRunner
			.withPropertyValues("nats.embedded.users[0].username=u", "nats.embedded.users[0].password=p",
					"nats.embedded.users[0].permissions.allow-responses.enabled=true",
					"nats.embedded.users[0].permissions.allow-responses.max-messages=5",
					"nats.embedded.users[0].permissions.allow-responses.expires=30s")
			.run((context) -> assertThat(
					context.getBean(NatsBroker.class).getOptions().auth().users().get(0).permissions().responses())
				.isEqualTo(new ResponsePermission(5, Duration.ofSeconds(30))));
	}

	@Test
	void defaultPermissionsApplyToUsersWithoutTheirOwn() {
		this.contextRunner
			.withPropertyValues("nats.embedded.users[0].username=restricted", "nats.embedded.users[0].password=p",
					"nats.embedded.users[1].username=own", "nats.embedded.users[1].password=p",
					"nats.embedded.users[1].permissions.publish.allow=own.>",
					"nats.embedded.default-permissions.publish.deny=admin.>")
			.run((context) -> {
				BrokerAuth auth = context.getBean(NatsBroker.class).getOptions().auth();
				assertThat(auth.permissionsOf(auth.users().get(0)).publish())
					.isEqualTo(SubjectPermission.denying("admin.>"));
				assertThat(auth.permissionsOf(auth.users().get(1)).publish())
					.isEqualTo(SubjectPermission.allowing("own.>"));
			});
	}

	@Test
	void nkeyUsersAreBoundAndConnectWithTheirSeed() throws Exception {
		NKey nkey = NKey.createUser(new SecureRandom());
		String publicKey = new String(nkey.getPublicKey());
		this.contextRunner
			.withPropertyValues("nats.embedded.users[0].username=app", "nats.embedded.users[0].password=p",
					"nats.embedded.users[1].nkey=" + publicKey,
					"nats.embedded.users[1].permissions.publish.allow=devices.>")
			.run((context) -> {
				NatsBroker broker = context.getBean(NatsBroker.class);
				assertThat(broker.getOptions().auth().nkeyUsers()).extracting(BrokerNkeyUser::publicKey)
					.containsExactly(publicKey);
				try (Connection device = Nats.connect(options(broker)
					.authHandler(Nats.staticCredentials(null, nkey.getSeed()))
					.build())) {
					assertThat(device.getStatus()).isEqualTo(Connection.Status.CONNECTED);
				}
			});
	}

	@Test
	void theConnectionConnectsAsTheFirstUserWithAUserName() {
		this.contextRunner
			.withPropertyValues("nats.embedded.users[0].username=app", "nats.embedded.users[0].password=app-secret",
					"nats.embedded.users[1].username=other", "nats.embedded.users[1].password=other-secret")
			.run((context) -> {
				Connection connection = context.getBean(Connection.class);
				assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
				assertThat(connection.getOptions().getUsernameChars()).containsExactly("app".toCharArray());
			});
	}

	@Test
	void theSingleUserJoinsTheUsersAndIsTheOneTheConnectionConnectsAs() {
		this.contextRunner
			.withPropertyValues("nats.embedded.username=app", "nats.embedded.password=app-secret",
					"nats.embedded.users[0].username=client", "nats.embedded.users[0].password=client-secret",
					"nats.embedded.default-permissions.publish.allow=app.>")
			.run((context) -> {
				BrokerAuth auth = context.getBean(NatsBroker.class).getOptions().auth();
				assertThat(auth.users()).extracting(BrokerUser::username).containsExactly("app", "client");
				assertThat(auth.permissionsOf(auth.users().get(0)).publish())
					.isEqualTo(SubjectPermission.allowing("app.>"));
				Connection connection = context.getBean(Connection.class);
				assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
				assertThat(connection.getOptions().getUsernameChars()).containsExactly("app".toCharArray());
			});
	}

	@Test
	void withNkeyUsersOnlyTheConnectionTakesItsSeedFromACustomizer() throws Exception {
		NKey nkey = NKey.createUser(new SecureRandom());
		this.contextRunner.withPropertyValues("nats.embedded.users[0].nkey=" + new String(nkey.getPublicKey()))
			.withBean(NatsOptionsCustomizer.class,
					() -> (builder) -> builder.authHandler(Nats.staticCredentials(null, nkey.getSeed())))
			.run((context) -> {
				Connection connection = context.getBean(Connection.class);
				assertThat(connection.getOptions().getUsernameChars()).isNull();
				assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			});
	}

	@Test
	void aForbiddenPublishIsRefusedWithAPermissionsViolationAndNotDelivered() {
		this.contextRunner.withPropertyValues(ordersAndAudit()).run((context) -> {
			Connection orders = context.getBean(Connection.class);
			Subscription subscription = orders.subscribe("orders.>");
			orders.flush(Duration.ofSeconds(5));
			List<String> errors = new CopyOnWriteArrayList<>();
			try (Connection audit = Nats.connect(options(context.getBean(NatsBroker.class))
				.userInfo("audit", "audit-secret")
				.errorListener(new ErrorListener() {
					@Override
					public void errorOccurred(Connection connection, String error) {
						errors.add(error);
					}
				})
				.build())) {
				audit.publish("orders.created", "forbidden".getBytes(StandardCharsets.UTF_8));
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(errors)
						.containsExactly("Permissions Violation for Publish to \"orders.created\""));
				assertThat(audit.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			}
			// what the broker would have delivered of the forbidden publish is queued before this one
			orders.publish("orders.created", "allowed".getBytes(StandardCharsets.UTF_8));
			Message first = subscription.nextMessage(Duration.ofSeconds(5));
			assertThat(first).isNotNull();
			assertThat(new String(first.getData(), StandardCharsets.UTF_8)).isEqualTo("allowed");
		});
	}

	@Test
	void anAllowedPublishIsDelivered() {
		this.contextRunner.withPropertyValues(ordersAndAudit()).run((context) -> {
			Connection orders = context.getBean(Connection.class);
			Subscription subscription = orders.subscribe("audit.log");
			orders.flush(Duration.ofSeconds(5));
			try (Connection audit = Nats.connect(
					options(context.getBean(NatsBroker.class)).userInfo("audit", "audit-secret").build())) {
				audit.publish("audit.log", "entry".getBytes(StandardCharsets.UTF_8));
				Message message = subscription.nextMessage(Duration.ofSeconds(5));
				assertThat(message).isNotNull();
				assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("entry");
			}
		});
	}

	private static String[] ordersAndAudit() {
		return new String[] { "nats.embedded.users[0].username=orders", "nats.embedded.users[0].password=orders-secret",
				"nats.embedded.users[0].permissions.publish.allow=orders.>",
				"nats.embedded.users[1].username=audit", "nats.embedded.users[1].password=audit-secret",
				"nats.embedded.users[1].permissions.publish.deny=orders.>" };
	}

	private static Options.Builder options(NatsBroker broker) {
		return Options.builder().server(broker.getClientUrl()).connectionTimeout(Duration.ofSeconds(2)).maxReconnects(0);
	}
}
