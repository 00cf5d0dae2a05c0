package io.github.natsspring.autoconfigure;

import java.security.SecureRandom;

import io.nats.client.NKey;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.MutuallyExclusiveConfigurationPropertiesException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users and permissions of the embedded broker that cannot work fail startup on the property at fault, with a
 * reason that says what to do.
 */
class NatsEmbeddedInvalidUsersTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class))
		.withPropertyValues("nats.embedded.port=0");

	@Test
	void theSingleUserNeedsAPassword() {
		this.contextRunner.withPropertyValues("nats.embedded.username=app").run((context) -> {
			InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
			assertThat(invalid.getName()).isEqualTo("nats.embedded.username");
			assertThat(invalid.getValue()).isEqualTo("app");
			assertThat(invalid.getReason()).isEqualTo("User 'app' has no password. Set nats.embedded.password.");
		});
	}

	@Test
	void aPasswordWithoutUserNameFails() {
		this.contextRunner.withPropertyValues("nats.embedded.password=secret").run((context) -> {
			InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
			assertThat(invalid.getName()).isEqualTo("nats.embedded.username");
			assertThat(invalid.getReason()).contains("Set nats.embedded.username as well");
		});
	}

	@Test
	void aListedUserNeedsAPassword() {
		this.contextRunner.withPropertyValues("nats.embedded.users[0].username=a", "nats.embedded.users[0].password=p",
				"nats.embedded.users[1].username=b")
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
				assertThat(invalid.getName()).isEqualTo("nats.embedded.users[1].username");
				assertThat(invalid.getReason()).isEqualTo("User 'b' has no password. Set nats.embedded.users[1].password.");
			});
	}

	@Test
	void aListedUserNeedsAUserNameOrAnNkey() {
		this.contextRunner.withPropertyValues("nats.embedded.users[0].password=p").run((context) -> {
			InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
			assertThat(invalid.getName()).isEqualTo("nats.embedded.users[0].username");
			assertThat(invalid.getReason()).isEqualTo("Each user needs a username and a password, or an nkey.");
		});
	}

	@Test
	void userNamesMustBeUnique() {
		this.contextRunner.withPropertyValues("nats.embedded.users[0].username=a", "nats.embedded.users[0].password=p",
				"nats.embedded.users[1].username=a", "nats.embedded.users[1].password=q")
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
				assertThat(invalid.getName()).isEqualTo("nats.embedded.users[1].username");
				assertThat(invalid.getReason())
					.isEqualTo("User 'a' is already configured by nats.embedded.users[0].username. User names must be unique.");
			});
	}

	@Test
	void aListedUserMayNotRepeatTheSingleUser() {
		this.contextRunner.withPropertyValues("nats.embedded.username=app", "nats.embedded.password=p",
				"nats.embedded.users[0].username=app", "nats.embedded.users[0].password=q")
			.run((context) -> assertThat(invalidProperty(context).getReason())
				.contains("already configured by nats.embedded.username"));
	}

	@Test
	void anInvalidSubjectFailsNamingTheEntry() {
		this.contextRunner.withPropertyValues("nats.embedded.users[0].username=a", "nats.embedded.users[0].password=p",
				"nats.embedded.users[0].permissions.subscribe.deny=orders.>,orders..created")
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
				assertThat(invalid.getName()).isEqualTo("nats.embedded.users[0].permissions.subscribe.deny[1]");
				assertThat(invalid.getValue()).isEqualTo("orders..created");
				assertThat(invalid.getReason()).startsWith("Not a valid permission subject. A subject is tokens")
					.endsWith("A queue group may follow after a space.");
			});
	}

	@Test
	void aQueueGroupInAPublishPermissionFails() {
		this.contextRunner.withPropertyValues("nats.embedded.users[0].username=a", "nats.embedded.users[0].password=p",
				"nats.embedded.users[0].permissions.publish.allow=jobs workers")
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
				assertThat(invalid.getName()).isEqualTo("nats.embedded.users[0].permissions.publish.allow[0]");
				assertThat(invalid.getReason()).contains("applies to subscribe permissions only");
			});
	}

	@Test
	void anInvalidDefaultPermissionFailsNamingTheEntry() {
		this.contextRunner.withPropertyValues("nats.embedded.username=a", "nats.embedded.password=p",
				"nats.embedded.default-permissions.publish.allow=>.orders")
			.run((context) -> assertThat(invalidProperty(context).getName())
				.isEqualTo("nats.embedded.default-permissions.publish.allow[0]"));
	}

	@Test
	void allowedResponsesNeedAPositiveNumberOfReplies() {
		this.contextRunner.withPropertyValues("nats.embedded.users[0].username=a", "nats.embedded.users[0].password=p",
				"nats.embedded.users[0].permissions.allow-responses.enabled=true",
				"nats.embedded.users[0].permissions.allow-responses.max-messages=0")
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
				assertThat(invalid.getName())
					.isEqualTo("nats.embedded.users[0].permissions.allow-responses.max-messages");
				assertThat(invalid.getValue()).isEqualTo(0);
			});
	}

	@Test
	void anNkeyMustBeAUsersPublicKey() {
		this.contextRunner.withPropertyValues("nats.embedded.users[0].nkey=SUANOTAPUBLICKEY").run((context) -> {
			InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
			assertThat(invalid.getName()).isEqualTo("nats.embedded.users[0].nkey");
			assertThat(invalid.getReason()).startsWith("Not a user's public nkey (")
				.contains("the seed (SU...) stays with the client");
		});
	}

	@Test
	void nkeysMustBeUnique() throws Exception {
		String publicKey = new String(NKey.createUser(new SecureRandom()).getPublicKey());
		this.contextRunner
			.withPropertyValues("nats.embedded.users[0].nkey=" + publicKey, "nats.embedded.users[1].nkey=" + publicKey)
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
				assertThat(invalid.getName()).isEqualTo("nats.embedded.users[1].nkey");
				assertThat(invalid.getReason()).contains("configured by nats.embedded.users[0].nkey");
			});
	}

	@Test
	void anNkeyUserHasNoPassword() throws Exception {
		String publicKey = new String(NKey.createUser(new SecureRandom()).getPublicKey());
		this.contextRunner
			.withPropertyValues("nats.embedded.users[0].nkey=" + publicKey, "nats.embedded.users[0].password=p")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(MutuallyExclusiveConfigurationPropertiesException.class,
						(exclusive) -> assertThat(exclusive.getConfiguredNames())
							.containsExactlyInAnyOrder("nats.embedded.users[0].nkey", "nats.embedded.users[0].password")));
	}

	@Test
	void aTokenExcludesListedUsers() {
		this.contextRunner.withPropertyValues("nats.embedded.token=t", "nats.embedded.users[0].username=a",
				"nats.embedded.users[0].password=p")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(MutuallyExclusiveConfigurationPropertiesException.class,
						(exclusive) -> assertThat(exclusive.getConfiguredNames())
							.containsExactlyInAnyOrder("nats.embedded.token", "nats.embedded.users[0].username")));
	}

	@Test
	void defaultPermissionsNeedUsers() {
		this.contextRunner.withPropertyValues("nats.embedded.default-permissions.publish.deny=admin.>")
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
				assertThat(invalid.getName()).isEqualTo("nats.embedded.default-permissions");
				assertThat(invalid.getReason()).contains("no user is configured");
			});
	}

	@Test
	void defaultPermissionsDoNotApplyToAToken() {
		this.contextRunner
			.withPropertyValues("nats.embedded.token=t", "nats.embedded.default-permissions.publish.deny=admin.>")
			.run((context) -> assertThat(invalidProperty(context).getReason()).contains("not to a token"));
	}

	private static InvalidConfigurationPropertyValueException invalidProperty(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return StartupFailures.invalidProperty(context.getStartupFailure());
	}
}
