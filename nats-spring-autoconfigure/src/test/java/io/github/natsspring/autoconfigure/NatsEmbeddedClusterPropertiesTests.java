package io.github.natsspring.autoconfigure;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.NatsBroker;
import io.nats.client.Connection;
import io.nats.client.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nats.embedded.cluster.*} and {@code nats.embedded.client-advertise}: when the embedded broker is a cluster
 * node, the settings it gets, and the values that fail startup on their property.
 */
class NatsEmbeddedClusterPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, NatsAutoConfiguration.class))
		.withPropertyValues("nats.embedded.port=0");

	@TempDir
	Path directory;

	@Test
	void theBrokerIsNoClusterNodeByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(cluster(context)).isNull();
			assertThat(context.getBean(NatsBroker.class).getOptions().clientAdvertise()).isNull();
			assertThat(context.getEnvironment().containsProperty("local.nats.cluster-port")).isFalse();
		});
	}

	@Test
	void aClusterPortMakesTheBrokerAClusterNodeOnTheEmbeddedHost() {
		this.contextRunner.withPropertyValues("nats.embedded.cluster.port=0").run((context) -> {
			BrokerCluster cluster = cluster(context);
			assertThat(cluster).isNotNull();
			assertThat(cluster.host()).isEqualTo("127.0.0.1");
			assertThat(cluster.port()).isZero();
			assertThat(cluster.routes()).isEmpty();
			assertThat(cluster.name()).isNull();
		});
	}

	@Test
	void theClusterPortTheBrokerBoundIsPublishedAsLocalNatsClusterPort() {
		this.contextRunner.withPropertyValues("nats.embedded.cluster.port=0").run((context) -> {
			int clusterPort = context.getEnvironment().getRequiredProperty("local.nats.cluster-port", Integer.class);
			assertThat(clusterPort).isPositive().isEqualTo(context.getBean(NatsBroker.class).getClusterPort());
		});
	}

	@Test
	void routesReachTheBrokerInTheirOrder() {
		this.contextRunner
			.withPropertyValues("nats.embedded.cluster.port=0",
					"nats.embedded.cluster.routes=nats://127.0.0.1:6222,nats-route://localhost:6223")
			.run((context) -> assertThat(cluster(context).routes()).containsExactly(
					URI.create("nats://127.0.0.1:6222"), URI.create("nats-route://localhost:6223")));
	}

	@Test
	void theConnectionOfAClusterNodeFollowsThePeersItsBrokerAdvertisesAndReconnectsForever() {
		this.contextRunner.withPropertyValues("nats.embedded.cluster.port=0").run((context) -> {
			Options options = context.getBean(Connection.class).getOptions();
			assertThat(options.isIgnoreDiscoveredServers()).isFalse();
			assertThat(options.getMaxReconnect()).isEqualTo(-1);
		});
	}

	@Test
	void disabledKeepsTheBrokerOutOfAClusterWhateverElseIsSet() {
		this.contextRunner
			.withPropertyValues("nats.embedded.cluster.enabled=false", "nats.embedded.cluster.port=0",
					"nats.embedded.cluster.routes=nats://127.0.0.1:6222")
			.run((context) -> assertThat(cluster(context)).isNull());
	}

	@Test
	void everyClusterPropertyReachesTheBroker() {
		this.contextRunner
			.withPropertyValues("nats.embedded.cluster.port=0", "nats.embedded.cluster.name=orders",
					"nats.embedded.cluster.host=localhost", "nats.embedded.cluster.advertise=node-1:6222",
					"nats.embedded.cluster.no-advertise=true", "nats.embedded.cluster.connect-retries=3",
					"nats.embedded.cluster.username=route", "nats.embedded.cluster.password=s3cret",
					"nats.embedded.cluster.auth-timeout=5s", "nats.embedded.client-advertise=node-1:4222")
			.run((context) -> {
				BrokerCluster cluster = cluster(context);
				assertThat(cluster.name()).isEqualTo("orders");
				assertThat(cluster.host()).isEqualTo("localhost");
				assertThat(cluster.advertise()).isEqualTo("node-1:6222");
				assertThat(cluster.noAdvertise()).isTrue();
				assertThat(cluster.connectRetries()).isEqualTo(3);
				assertThat(cluster.username()).isEqualTo("route");
				assertThat(cluster.password()).isEqualTo("s3cret");
				assertThat(cluster.authTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(context.getBean(NatsBroker.class).getOptions().clientAdvertise()).isEqualTo("node-1:4222");
			});
	}

	@Test
	void routesWithoutUserInfoPresentTheClusterCredentials() {
		this.contextRunner
			.withPropertyValues("nats.embedded.cluster.port=0", "nats.embedded.cluster.username=route",
					"nats.embedded.cluster.password=s3cret",
					"nats.embedded.cluster.routes=nats://127.0.0.1:6222,nats://other:secret@127.0.0.1:6223")
			.run((context) -> assertThat(cluster(context).routes()).containsExactly(
					URI.create("nats://route:s3cret@127.0.0.1:6222"),
					URI.create("nats://other:secret@127.0.0.1:6223")));
	}

	@Test
	void clusterPropertiesReplaceTheConfigurationFilesClusterAndClientAdvertise() throws Exception {
		Path file = Files.writeString(this.directory.resolve("nats.conf"), "port: -1\n");
		this.contextRunner
			.withPropertyValues("nats.embedded.config-file=file:" + file, "nats.embedded.cluster.port=0",
					"nats.embedded.cluster.name=orders", "nats.embedded.client-advertise=node-1")
			.run((context) -> {
				assertThat(cluster(context).name()).isEqualTo("orders");
				assertThat(context.getBean(NatsBroker.class).getOptions().clientAdvertise()).isEqualTo("node-1");
			});
	}

	@Test
	void aClusterPortOutOfRangeFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.embedded.cluster.port=70000").run((context) -> {
			InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
			assertThat(invalid.getName()).isEqualTo("nats.embedded.cluster.port");
			assertThat(invalid.getValue()).isEqualTo(70000);
			assertThat(invalid.getReason()).contains("between 0 and 65535").contains("local.nats.cluster-port");
		});
	}

	@Test
	void aRouteThatIsNoClusterPortFailsNamingItsIndex() {
		this.contextRunner
			.withPropertyValues("nats.embedded.cluster.routes=nats://127.0.0.1:6222,http://127.0.0.1:8080")
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
				assertThat(invalid.getName()).isEqualTo("nats.embedded.cluster.routes[1]");
				assertThat(invalid.getValue()).isEqualTo(URI.create("http://127.0.0.1:8080"));
				assertThat(invalid.getReason()).contains("nats://127.0.0.1:6222");
			});
	}

	@Test
	void aRouteWithoutAPortFailsNamingIt() {
		this.contextRunner.withPropertyValues("nats.embedded.cluster.routes=nats://127.0.0.1")
			.run((context) -> assertThat(invalidProperty(context).getName())
				.isEqualTo("nats.embedded.cluster.routes[0]"));
	}

	@Test
	void aBlankClusterNameFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.embedded.cluster.port=0", "nats.embedded.cluster.name= ")
			.run((context) -> assertThat(invalidProperty(context).getName()).isEqualTo("nats.embedded.cluster.name"));
	}

	@Test
	void negativeConnectRetriesFailNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("nats.embedded.cluster.port=0", "nats.embedded.cluster.connect-retries=-1")
			.run((context) -> assertThat(invalidProperty(context).getName())
				.isEqualTo("nats.embedded.cluster.connect-retries"));
	}

	@Test
	void aRouteUserWithoutPasswordFailsNamingTheUser() {
		this.contextRunner.withPropertyValues("nats.embedded.cluster.port=0", "nats.embedded.cluster.username=route")
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
				assertThat(invalid.getName()).isEqualTo("nats.embedded.cluster.username");
				assertThat(invalid.getReason()).contains("nats.embedded.cluster.password");
			});
	}

	@Test
	void aRoutePasswordWithoutUserFailsNamingTheUserNotTheSecret() {
		this.contextRunner.withPropertyValues("nats.embedded.cluster.port=0", "nats.embedded.cluster.password=s3cret")
			.run((context) -> {
				InvalidConfigurationPropertyValueException invalid = invalidProperty(context);
				assertThat(invalid.getName()).isEqualTo("nats.embedded.cluster.username");
				assertThat(invalid.getValue()).isNull();
			});
	}

	@Test
	void blankAddressesFailNamingTheirProperty() {
		this.contextRunner.withPropertyValues("nats.embedded.cluster.port=0", "nats.embedded.cluster.advertise= ")
			.run((context) -> assertThat(invalidProperty(context).getName())
				.isEqualTo("nats.embedded.cluster.advertise"));
		this.contextRunner.withPropertyValues("nats.embedded.cluster.port=0", "nats.embedded.cluster.host= ")
			.run((context) -> assertThat(invalidProperty(context).getName()).isEqualTo("nats.embedded.cluster.host"));
		this.contextRunner.withPropertyValues("nats.embedded.client-advertise= ")
			.run((context) -> assertThat(invalidProperty(context).getName())
				.isEqualTo("nats.embedded.client-advertise"));
	}

	@Test
	void aZeroAuthTimeoutFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("nats.embedded.cluster.port=0", "nats.embedded.cluster.auth-timeout=0s")
			.run((context) -> assertThat(invalidProperty(context).getName())
				.isEqualTo("nats.embedded.cluster.auth-timeout"));
	}

	private static BrokerCluster cluster(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBean(NatsBroker.class).getOptions().cluster();
	}

	private static InvalidConfigurationPropertyValueException invalidProperty(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return StartupFailures.invalidProperty(context.getStartupFailure());
	}
}
