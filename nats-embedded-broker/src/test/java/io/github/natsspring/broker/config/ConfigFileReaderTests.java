package io.github.natsspring.broker.config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.BrokerMonitoring;
import io.github.natsspring.broker.BrokerPermissions;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.BrokerJetStream;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.ResponsePermission;
import io.github.natsspring.broker.SubjectPermission;
import io.github.natsspring.broker.tls.TestCertificates;
import io.nats.client.NKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What a configuration file sets in the broker's options, with nats-server's defaults for what it leaves out.
 * {@code ConfigFileParityTests} checks that nats-server accepts and refuses the same files.
 */
class ConfigFileReaderTests {

	@TempDir
	Path dir;

	@Test
	void anEmptyFileGivesNatsServersDefaults() throws Exception {
		NatsBrokerOptions options = options("");
		assertThat(options.host()).isEqualTo("0.0.0.0");
		assertThat(options.port()).isEqualTo(4222);
		assertThat(options.auth().isRequired()).isFalse();
		assertThat(options.limits().maxPayload()).isEqualTo(1024 * 1024);
	}

	@Test
	void listenSetsHostAndPortAndMinusOneIsARandomPort() throws Exception {
		assertThat(options("listen: 127.0.0.1:4333\n")).extracting(NatsBrokerOptions::host, NatsBrokerOptions::port)
			.containsExactly("127.0.0.1", 4333);
		assertThat(options("listen: \"[::1]:4333\"\n").host()).isEqualTo("::1");
		assertThat(options("port: -1\n").port()).isZero();
	}

	@Test
	void limitsAndDurationsTakeTheirUnits() throws Exception {
		NatsBrokerOptions options = options("""
				max_payload: 64KB
				max_control_line: 2k
				max_connections: 10
				max_subscriptions: 5
				max_pending: 2MB
				ping_interval: "30s"
				ping_max: 4
				write_deadline: "1500ms"
				lame_duck_duration: "45s"
				lame_duck_grace_period: "3s"
				""");
		assertThat(options.limits().maxPayload()).isEqualTo(65536);
		assertThat(options.limits().maxControlLine()).isEqualTo(2000);
		assertThat(options.limits().maxConnections()).isEqualTo(10);
		assertThat(options.limits().maxSubscriptions()).isEqualTo(5);
		assertThat(options.limits().maxPending()).isEqualTo(2L << 20);
		assertThat(options.limits().pingInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(options.limits().maxPingsOut()).isEqualTo(4);
		assertThat(options.limits().writeDeadline()).isEqualTo(Duration.ofMillis(1500));
		assertThat(options.lameDuckDuration()).isEqualTo(Duration.ofSeconds(45));
		assertThat(options.lameDuckGracePeriod()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void aBareNumberOfSecondsIsTakenWithAWarning() throws Exception {
		ServerSettings.Builder settings = ServerSettings.builder();
		Path file = write("ping_interval: 5\n");
		List<String> warnings = ConfigFileReader.read(file.toString(), settings);
		assertThat(warnings).containsExactly(
				file + ":1:0: invalid use of field \"ping_interval\": ping_interval should be converted to a duration");
		assertThat(settings.build().toOptions().limits().pingInterval()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void aTokenAndItsTimeout() throws Exception {
		NatsBrokerOptions options = options("authorization { token: s3cret, timeout: 0.5 }\n");
		assertThat(options.auth().token()).isEqualTo("s3cret");
		assertThat(options.limits().authTimeout()).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void aSingleUser() throws Exception {
		assertThat(options("authorization { user: alice, password: \"w o\" }\n").auth())
			.isEqualTo(BrokerAuth.users(new BrokerUser("alice", "w o")));
	}

	@Test
	void usersWithPermissionsFromAVariableAndDefaultPermissions() throws Exception {
		String nkey = new String(NKey.createUser(null).getPublicKey());
		BrokerAuth auth = options("""
				authorization {
				  ORDERS = { publish: ["orders.>"], subscribe: { allow: ["_INBOX.>", "jobs.* workers"], deny: "jobs.secret" } }
				  default_permissions: { publish: { deny: ">" }, allow_responses: { max: 3, expires: "10s" } }
				  users: [
				    { user: alice, password: a, permissions: $ORDERS }
				    { user: bob, password: b }
				    { nkey: %s }
				  ]
				}
				""".formatted(nkey)).auth();
		BrokerPermissions orders = BrokerPermissions.of(SubjectPermission.allowing("orders.>"),
				new SubjectPermission(List.of("_INBOX.>", "jobs.* workers"), List.of("jobs.secret")));
		BrokerPermissions defaults = BrokerPermissions
			.of(SubjectPermission.denying(">"), SubjectPermission.unrestricted())
			.allowingResponses(new ResponsePermission(3, Duration.ofSeconds(10)));
		assertThat(auth.users()).containsExactly(new BrokerUser("alice", "a", orders), new BrokerUser("bob", "b"));
		assertThat(auth.nkeyUsers()).singleElement().satisfies((user) -> assertThat(user.publicKey()).isEqualTo(nkey));
		assertThat(auth.defaultPermissions()).isEqualTo(defaults);
		assertThat(auth.permissionsOf(auth.users().get(1))).isEqualTo(defaults);
	}

	@Test
	void allowResponsesTrueTakesNatsServersDefaults() throws Exception {
		BrokerAuth auth = options("authorization { users: [ {user: a, password: b, permissions: { allow_responses: true }} ] }\n")
			.auth();
		BrokerPermissions permissions = auth.users().get(0).permissions();
		assertThat(permissions.responses()).isEqualTo(ResponsePermission.defaults());
		assertThat(permissions.publish().allow()).isEmpty();
	}

	@Test
	void anEmptyAllowListRestrictsNothingUnlessResponsesAreAllowed() throws Exception {
		BrokerAuth auth = options("""
				authorization { users: [
				  { user: a, password: p, permissions: { publish: [], subscribe: { allow: [], deny: "x" } } }
				  { user: b, password: p, permissions: { publish: { allow: [] }, allow_responses: true } }
				] }
				""").auth();
		BrokerPermissions a = auth.users().get(0).permissions();
		assertThat(a.publish().allow()).isNull();
		assertThat(a.subscribe()).isEqualTo(SubjectPermission.denying("x"));
		assertThat(auth.users().get(1).permissions().publish().allow()).isEmpty();
	}

	@Test
	void tlsWithVerificationMappingTimeoutAndCiphers() throws Exception {
		TestCertificates certificates = TestCertificates.create(this.dir, "reader");
		TestCertificates.Issued server = certificates.server("localhost", TestCertificates.KeyFormat.PKCS8);
		NatsBrokerOptions options = options("""
				tls {
				  cert_file: "%s"
				  key_file: "%s"
				  ca_file: "%s"
				  verify_and_map: true
				  timeout: 3
				  cipher_suites: ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305"]
				}
				authorization { users: [ {user: "CN=app"} ] }
				""".formatted(server.certificateFile(), server.keyFile(), certificates.caFile()));
		assertThat(options.tls().certificateFile()).isEqualTo(server.certificateFile());
		assertThat(options.tls().caFile()).isEqualTo(certificates.caFile());
		assertThat(options.tls().verifyClients()).isTrue();
		assertThat(options.tls().mapClientCertificates()).isTrue();
		assertThat(options.tls().handshakeTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(options.tls().cipherSuites()).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
				"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
		assertThat(options.limits().authTimeout()).isEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void flagsLaidOverTheFileWinWhereGiven() throws Exception {
		ServerSettings.Builder settings = ServerSettings.builder();
		ConfigFileReader.read(write("port: 4333\nserver_name: file\nauthorization { user: a, password: b }\n").toString(),
				settings);
		NatsBrokerOptions options = settings.port(5555).password("flag").build().toOptions();
		assertThat(options.port()).isEqualTo(5555);
		assertThat(options.serverName()).isEqualTo("file");
		assertThat(options.auth().users()).containsExactly(new BrokerUser("a", "flag"));
	}

	@Test
	void everyErrorIsReportedWithItsPlace() throws Exception {
		Path file = write("port: x\nprot: 1\nauthorization { usr: a }\n");
		assertThatExceptionOfType(ConfigFileException.class).isThrownBy(() -> ConfigFileReader.read(file))
			.satisfies((ex) -> assertThat(ex.getErrors()).containsExactly(
					file + ":1:0: interface conversion: interface {} is string, not int64",
					file + ":2:1: unknown field \"prot\"", file + ":3:17: unknown field \"usr\""));
	}

	@Test
	void monitoringIsOffUnlessAnHttpPortIsGiven() throws Exception {
		assertThat(options("port: 4333\n").monitoring()).isNull();
		assertThat(options("http_port: 0\n").monitoring()).isNull();
	}

	@Test
	void httpPortServesMonitoringOnTheClientHostAndMinusOneIsARandomPort() throws Exception {
		assertThat(options("host: 127.0.0.1\nhttp_port: 8333\n").monitoring())
			.isEqualTo(BrokerMonitoring.builder().host("127.0.0.1").port(8333).build());
		assertThat(options("monitor_port: -1\n").monitoring().port()).isZero();
	}

	@Test
	void httpSetsTheMonitoringHostAndPortAndBasePathIsNormalized() throws Exception {
		BrokerMonitoring monitoring = options("http: 127.0.0.2:8444\nhttp_base_path: \"nats/\"\n").monitoring();
		assertThat(monitoring).extracting(BrokerMonitoring::host, BrokerMonitoring::port, BrokerMonitoring::basePath)
			.containsExactly("127.0.0.2", 8444, "/nats");
	}

	@Test
	void aBadHttpAddressIsReportedAsNatsServerReportsIt() throws Exception {
		Path file = write("http: \"localhost\"\nhttp_port: \"x\"\n");
		assertThatExceptionOfType(ConfigFileException.class).isThrownBy(() -> ConfigFileReader.read(file))
			.satisfies((ex) -> assertThat(ex.getErrors()).containsExactly(
					file + ":1:0: could not parse address string \"localhost\"",
					file + ":2:1: interface conversion: interface {} is string, not int64"));
	}

	@Test
	void aClusterBlockSetsEveryClusterOption() throws Exception {
		NatsBrokerOptions options = options("""
				cluster {
				  name: east
				  listen: 127.0.0.1:6333
				  advertise: "east.example.com:6333"
				  no_advertise: true
				  connect_retries: 5
				  routes: [ nats://127.0.0.1:6334, "nats-route://u:p@127.0.0.1:6335" ]
				  authorization { user: ru, password: rp, timeout: 1.5 }
				}
				client_advertise: "east.example.com:4222"
				""");
		BrokerCluster cluster = options.cluster();
		assertThat(cluster.name()).isEqualTo("east");
		assertThat(cluster.host()).isEqualTo("127.0.0.1");
		assertThat(cluster.port()).isEqualTo(6333);
		assertThat(cluster.advertise()).isEqualTo("east.example.com:6333");
		assertThat(cluster.noAdvertise()).isTrue();
		assertThat(cluster.connectRetries()).isEqualTo(5);
		assertThat(cluster.routes()).containsExactly(URI.create("nats://127.0.0.1:6334"),
				URI.create("nats-route://u:p@127.0.0.1:6335"));
		assertThat(cluster.username()).isEqualTo("ru");
		assertThat(cluster.password()).isEqualTo("rp");
		assertThat(cluster.authTimeout()).isEqualTo(Duration.ofMillis(1500));
		assertThat(cluster.tls()).isNull();
		assertThat(options.clientAdvertise()).isEqualTo("east.example.com:4222");
	}

	@Test
	void aClusterTakesNatsServersDefaults() throws Exception {
		BrokerCluster cluster = options("cluster { port: 6222 }\n").cluster();
		assertThat(cluster.host()).isEqualTo("0.0.0.0");
		assertThat(cluster.name()).isNull();
		assertThat(cluster.advertise()).isNull();
		assertThat(cluster.routes()).isEmpty();
		assertThat(cluster.username()).isNull();
		assertThat(cluster.authTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(options("cluster { net: 127.0.0.1, port: -1, cluster_advertise: h, name: \"\" }\n").cluster())
			.extracting(BrokerCluster::host, BrokerCluster::port, BrokerCluster::advertise, BrokerCluster::name)
			.containsExactly("127.0.0.1", 0, "h", null);
	}

	@Test
	void aClusterWithoutAPortIsNoCluster() throws Exception {
		assertThat(options("cluster { name: c, routes: [ nats://127.0.0.1:6334 ] }\n").cluster()).isNull();
		assertThat(options("cluster { listen: 6333, port: 0 }\n").cluster()).isNull();
	}

	@Test
	void aClusterPortOutOfRangeIsRefusedWhenTheOptionsAreMade() throws Exception {
		ServerSettings settings = ConfigFileReader.read(write("cluster { port: 99999 }\n"));
		assertThatIllegalArgumentException().isThrownBy(settings::toOptions).withMessage("invalid cluster port 99999");
	}

	@Test
	void negativeConnectRetriesAreNone() throws Exception {
		assertThat(options("cluster { port: 6222, connect_retries: -1 }\n").cluster().connectRetries()).isZero();
	}

	@Test
	void aClusterUserWithoutPasswordNeedsAnEmptyPasswordAndAPasswordAloneAsksNothing() throws Exception {
		BrokerCluster user = options("cluster { port: 6222, authorization { user: ru } }\n").cluster();
		assertThat(user.username()).isEqualTo("ru");
		assertThat(user.password()).isEmpty();
		assertThat(options("cluster { port: 6222, authorization { password: rp } }\n").cluster().username()).isNull();
	}

	@Test
	void aSecondClusterBlockReplacesTheFirstAsARepeatedKeyDoes() throws Exception {
		assertThat(options("cluster { name: a, port: 6222 }\ncluster { name: b }\n").cluster()).isNull();
		assertThat(options("cluster { name: a }\ncluster { name: b, port: 6222 }\n").cluster().name()).isEqualTo("b");
	}

	@Test
	void duplicateRoutesAreDroppedWithAWarning() throws Exception {
		ServerSettings.Builder settings = ServerSettings.builder();
		Path file = write("cluster {\n  port: 6222\n  routes: [ nats://a:1, nats://a:1 ]\n}\n");
		List<String> warnings = ConfigFileReader.read(file.toString(), settings);
		assertThat(warnings).containsExactly(
				file + ":3:25: invalid use of field \"nats://a:1\": Duplicate route entry detected");
		assertThat(settings.build().toOptions().cluster().routes()).containsExactly(URI.create("nats://a:1"));
	}

	@Test
	void clusterTlsVerifiesRoutesAndGivesThemTheHandshakeTimeoutPlusASecondToAuthenticate() throws Exception {
		TestCertificates certificates = TestCertificates.create(this.dir, "routes");
		TestCertificates.Issued server = certificates.server("localhost", TestCertificates.KeyFormat.PKCS8);
		BrokerCluster cluster = options("""
				cluster {
				  port: 6222
				  tls { cert_file: "%s", key_file: "%s", ca_file: "%s", timeout: 3 }
				}
				""".formatted(server.certificateFile(), server.keyFile(), certificates.caFile())).cluster();
		assertThat(cluster.tls().certificateFile()).isEqualTo(server.certificateFile());
		assertThat(cluster.tls().caFile()).isEqualTo(certificates.caFile());
		assertThat(cluster.tls().verifyClients()).isTrue();
		assertThat(cluster.tls().handshakeTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(cluster.authTimeout()).isEqualTo(Duration.ofSeconds(4));
	}

	@Test
	void clusterErrorsAreReportedWithTheirPlaceAndATypeMismatchEndsTheBlock() throws Exception {
		Path file = write("""
				cluster {
				  listen: "a:b:c"
				  routes: [ "://x" ]
				  authorization { users: [] }
				  foo: 1
				  port: "x"
				  name: 1
				}
				""");
		assertThatExceptionOfType(ConfigFileException.class).isThrownBy(() -> ConfigFileReader.read(file))
			.satisfies((ex) -> assertThat(ex.getErrors()).containsExactly(
					file + ":2:3: could not parse address string \"a:b:c\"",
					file + ":3:14: error parsing route url [\"://x\"]",
					file + ":4:3: Cluster authorization does not allow multiple users",
					file + ":5:3: unknown field \"foo\"",
					file + ":6:3: interface conversion: interface {} is string, not int64"));
	}

	@Test
	void aJetStreamBlockTurnsJetStreamOnWithItsDirectoryAndLimits() throws Exception {
		BrokerJetStream jetStream = options("jetstream {\n  store_dir: \"/data/nats\"\n  max_memory_store: 64MB\n"
				+ "  max_file_store: \"2G\"\n}\n").jetStream();
		assertThat(jetStream.storeDirectory()).isEqualTo(Path.of("/data/nats"));
		assertThat(jetStream.maxMemoryStore()).isEqualTo(64L * 1024 * 1024);
		assertThat(jetStream.maxFileStore()).isEqualTo(2L << 30);
	}

	@Test
	void jetStreamIsOnlyOnWhenTheFileSaysSo() throws Exception {
		assertThat(options("jetstream: enabled\n").jetStream().maxMemoryStore()).isEqualTo(-1);
		assertThat(options("jetstream: true\n").jetStream()).isNotNull();
		assertThat(options("jetstream: disabled\n").jetStream()).isNull();
		assertThat(options("jetstream { enabled: false }\n").jetStream()).isNull();
		assertThat(options("store_dir: \"/data\"\n").jetStream()).isNull();
		assertThat(options("store_dir: \"/data\"\njetstream: enabled\n").jetStream().storeDirectory())
			.isEqualTo(Path.of("/data"));
	}

	@Test
	void optionsCanBeReadFromAFile() throws Exception {
		assertThat(NatsBrokerOptions.fromConfigFile(write("server_name: edge\n")).serverName()).isEqualTo("edge");
	}

	private NatsBrokerOptions options(String content) throws Exception {
		return ConfigFileReader.read(write(content)).toOptions();
	}

	private Path write(String content) throws Exception {
		return Files.writeString(Files.createTempFile(this.dir, "nats", ".conf"), content);
	}
}
