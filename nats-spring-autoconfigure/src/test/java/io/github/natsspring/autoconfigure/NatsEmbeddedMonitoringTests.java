package io.github.natsspring.autoconfigure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.natsspring.broker.NatsBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nats.embedded.monitoring.*}: nats-server's HTTP monitoring endpoints on the embedded broker, read over
 * HTTP as operators' tools read them.
 */
class NatsEmbeddedMonitoringTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class))
		.withPropertyValues("nats.embedded.port=0");

	@TempDir
	Path directory;

	@Test
	void monitoringIsOffByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(NatsBroker.class).getOptions().monitoring()).isNull();
			assertThat(context.getEnvironment().containsProperty("local.nats.monitoring-port")).isFalse();
		});
	}

	@Test
	void enabledMonitoringServesVarzAndConnzOfTheApplicationsConnection() {
		this.contextRunner
			.withPropertyValues("nats.embedded.monitoring.enabled=true", "nats.embedded.monitoring.port=0",
					"nats.connection-name=orders")
			.run((context) -> {
				NatsBroker broker = context.getBean(NatsBroker.class);
				JsonNode varz = get(context, "/varz");
				assertThat(varz.get("server_id").asString()).isEqualTo(broker.getServerId());
				assertThat(varz.get("port").asInt()).isEqualTo(broker.getPort());
				assertThat(varz.get("http_port").asInt()).isEqualTo(broker.getMonitoringPort());
				JsonNode connz = get(context, "/connz");
				assertThat(connz.get("num_connections").asInt()).isOne();
				assertThat(connz.get("connections").get(0).get("name").asString()).isEqualTo("orders");
			});
	}

	@Test
	void monitoringListensOnTheEmbeddedHostUnlessGivenItsOwn() {
		this.contextRunner.withPropertyValues("nats.embedded.monitoring.enabled=true", "nats.embedded.monitoring.port=0")
			.run((context) -> assertThat(context.getBean(NatsBroker.class).getOptions().monitoring().host())
				.isEqualTo("127.0.0.1"));
		this.contextRunner
			.withPropertyValues("nats.embedded.monitoring.enabled=true", "nats.embedded.monitoring.port=0",
					"nats.embedded.monitoring.host=localhost")
			.run((context) -> assertThat(context.getBean(NatsBroker.class).getOptions().monitoring().host())
				.isEqualTo("localhost"));
	}

	@Test
	void endpointsAreServedUnderTheBasePath() {
		this.contextRunner
			.withPropertyValues("nats.embedded.monitoring.enabled=true", "nats.embedded.monitoring.port=0",
					"nats.embedded.monitoring.base-path=/nats")
			.run((context) -> {
				assertThat(get(context, "/nats/healthz").get("status").asString()).isEqualTo("ok");
				assertThat(status(context, "/healthz")).isEqualTo(404);
			});
	}

	@Test
	void aMonitoringPortOutOfRangeFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("nats.embedded.monitoring.enabled=true", "nats.embedded.monitoring.port=70000")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("nats.embedded.monitoring.port"));
	}

	@Test
	void theConfigurationFilesHttpPortStandsUnlessThePropertySaysOtherwise() throws Exception {
		Path file = Files.writeString(this.directory.resolve("nats.conf"), "port: -1\nhttp_port: -1\n");
		this.contextRunner.withPropertyValues("nats.embedded.config-file=file:" + file).run((context) -> {
			assertThat(context.getBean(NatsBroker.class).getOptions().monitoring()).isNotNull();
			assertThat(get(context, "/healthz").get("status").asString()).isEqualTo("ok");
		});
		this.contextRunner
			.withPropertyValues("nats.embedded.config-file=file:" + file, "nats.embedded.monitoring.enabled=false")
			.run((context) -> assertThat(context.getBean(NatsBroker.class).getOptions().monitoring()).isNull());
	}

	private static JsonNode get(AssertableApplicationContext context, String path) throws Exception {
		HttpResponse<String> response = HTTP.send(request(context, path), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return JsonMapper.shared().readTree(response.body());
	}

	private static int status(AssertableApplicationContext context, String path) throws Exception {
		return HTTP.send(request(context, path), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static HttpRequest request(AssertableApplicationContext context, String path) {
		int port = context.getEnvironment().getRequiredProperty("local.nats.monitoring-port", Integer.class);
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(5))
			.build();
	}
}
