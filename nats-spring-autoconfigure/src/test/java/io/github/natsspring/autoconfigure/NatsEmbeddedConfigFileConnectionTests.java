package io.github.natsspring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.NKey;
import io.nats.client.Subscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-configured connection to an embedded broker started from {@code nats.embedded.config-file}, over the
 * wire: the credentials it presents to the file's users, whose permissions the broker enforces, and the file's
 * limits as the connection sees them.
 */
class NatsEmbeddedConfigFileConnectionTests {

	private static final String APP_USER = """
			authorization {
			  users = [ {user: app, password: pw, permissions: {publish: "orders.>", subscribe: ">"}} ]
			}
			""";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class))
		.withPropertyValues("nats.embedded.port=0");

	@TempDir
	Path directory;

	@Test
	void theConnectionPublishesWhatTheFilesPermissionsAllowAsTheUserThePropertiesName() throws Exception {
		List<String> errors = new CopyOnWriteArrayList<>();
		this.contextRunner.withPropertyValues(configFile(APP_USER), "nats.username=app", "nats.password=pw")
			.withBean(NatsOptionsCustomizer.class, () -> (builder) -> builder.errorListener(new ErrorListener() {
				@Override
				public void errorOccurred(Connection connection, String error) {
					errors.add(error);
				}
			}))
			.run((context) -> {
				Connection connection = context.getBean(Connection.class);
				assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
				Subscription everything = connection.subscribe(">");
				connection.flush(Duration.ofSeconds(5));
				connection.publish("payments.settled", "denied".getBytes(StandardCharsets.UTF_8));
				connection.publish("orders.created", "allowed".getBytes(StandardCharsets.UTF_8));
				await().atMost(Duration.ofSeconds(5))
					.untilAsserted(() -> assertThat(errors)
						.containsExactly("Permissions Violation for Publish to \"payments.settled\""));
				Message first = everything.nextMessage(Duration.ofSeconds(5));
				assertThat(first).isNotNull();
				assertThat(first.getSubject()).isEqualTo("orders.created");
				assertThat(new String(first.getData(), StandardCharsets.UTF_8)).isEqualTo("allowed");
				assertThat(connection.getStatus()).isEqualTo(Connection.Status.CONNECTED);
			});
	}

	@Test
	void theFilesMaxPayloadIsTheOneTheConnectionIsGiven() throws Exception {
		this.contextRunner.withPropertyValues(configFile("max_payload: 4096"))
			.run((context) -> assertThat(context.getBean(Connection.class).getServerInfo().getMaxPayload())
				.isEqualTo(4096));
	}

	@Test
	void theFilesTokenIsPresentedFromNatsToken() throws Exception {
		this.contextRunner.withPropertyValues(configFile("authorization { token: \"s3cr3t\" }"), "nats.token=s3cr3t")
			.run((context) -> assertThat(context.getBean(Connection.class).getStatus())
				.isEqualTo(Connection.Status.CONNECTED));
	}

	@Test
	void anNkeyUserOfTheFileIsPresentedFromNatsNkey() throws Exception {
		NKey nkey = NKey.createUser(new SecureRandom());
		String file = "authorization { users = [ {nkey: \"" + new String(nkey.getPublicKey()) + "\"} ] }";
		this.contextRunner.withPropertyValues(configFile(file), "nats.nkey=" + new String(nkey.getSeed()))
			.run((context) -> assertThat(context.getBean(Connection.class).getStatus())
				.isEqualTo(Connection.Status.CONNECTED));
	}

	@Test
	void credentialsFromACustomizerAreEnough() throws Exception {
		this.contextRunner.withPropertyValues(configFile(APP_USER))
			.withBean(NatsOptionsCustomizer.class, () -> (builder) -> builder.userInfo("app", "pw"))
			.run((context) -> assertThat(context.getBean(Connection.class).getStatus())
				.isEqualTo(Connection.Status.CONNECTED));
	}

	@Test
	void withoutCredentialsAFileRequiringAuthenticationFailsStartupNamingWhatToSet() throws Exception {
		this.contextRunner.withPropertyValues(configFile(APP_USER)).run((context) -> {
			InvalidConfigurationPropertyValueException invalid = StartupFailures
				.invalidProperty(context.getStartupFailure());
			assertThat(invalid.getName()).isEqualTo("nats.embedded.config-file");
			assertThat(invalid.getReason()).contains("requires clients to authenticate")
				.contains("Set nats.username and nats.password to one of the file's users");
		});
	}

	@Test
	void withAuthorizationPropertiesTheConnectionConnectsAsTheEmbeddedUser() throws Exception {
		this.contextRunner
			.withPropertyValues(configFile(APP_USER), "nats.embedded.username=ops", "nats.embedded.password=ops-pw",
					"nats.username=app", "nats.password=pw")
			.run((context) -> assertThat(context.getBean(Connection.class).getStatus())
				.isEqualTo(Connection.Status.CONNECTED));
	}

	private String configFile(String content) throws Exception {
		Path file = Files.writeString(this.directory.resolve("nats.conf"), content);
		return "nats.embedded.config-file=file:" + file;
	}
}
