package io.github.natsspring.broker.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerCluster;
import io.github.natsspring.broker.BrokerJetStream;
import io.github.natsspring.broker.BrokerLogging;
import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBrokerOptions;
import io.github.natsspring.broker.config.ConfigFileException;
import io.github.natsspring.broker.config.ConfigFileReader;
import io.github.natsspring.broker.config.ServerSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BrokerFlagsTests {

	@TempDir
	Path dir;

	@Test
	void noFlagsMeanAllInterfacesOnPort4222WithoutAuthenticationOrName() {
		NatsBrokerOptions options = options("");
		assertThat(options.host()).isEqualTo("0.0.0.0");
		assertThat(options.port()).isEqualTo(4222);
		assertThat(options.serverName()).isNull();
		assertThat(options.auth()).isEqualTo(BrokerAuth.none());
		assertThat(options.logging()).isEqualTo(BrokerLogging.DEFAULT);
	}

	@Test
	void portZeroMeansTheDefaultPortAsInNatsServer() {
		assertThat(options("-p 0").port()).isEqualTo(4222);
	}

	@Test
	void portMinusOneMeansARandomPort() {
		assertThat(options("-p -1").port()).isZero();
	}

	@Test
	void givenHostPortAndNameAreUsed() {
		NatsBrokerOptions options = options("-a 127.0.0.1 -p 14222 -n edge");
		assertThat(options.host()).isEqualTo("127.0.0.1");
		assertThat(options.port()).isEqualTo(14222);
		assertThat(options.serverName()).isEqualTo("edge");
	}

	@Test
	void portsNoSocketCanUseAreNotBindable() {
		assertThat(flags("-p 65536").settings().hasBindablePort()).isFalse();
		assertThat(flags("-p -5").settings().hasBindablePort()).isFalse();
		assertThat(flags("-p 65535").settings().hasBindablePort()).isTrue();
		assertThatIllegalArgumentException().isThrownBy(() -> flags("-p 99999").toOptions());
	}

	@Test
	void userAndPasswordRequireThatUser() {
		assertThat(options("--user alice --pass s3cret").auth())
			.isEqualTo(BrokerAuth.users(new BrokerUser("alice", "s3cret")));
	}

	@Test
	void userWithoutPasswordRequiresAnEmptyPassword() {
		assertThat(options("--user alice").auth()).isEqualTo(BrokerAuth.users(new BrokerUser("alice", "")));
	}

	@Test
	void passwordWithoutUserIsIgnored() {
		assertThat(options("--pass s3cret").auth()).isEqualTo(BrokerAuth.none());
	}

	@Test
	void tokenWinsOverUserAsInNatsServer() {
		assertThat(options("--user alice --pass s3cret --auth t0ken").auth()).isEqualTo(BrokerAuth.token("t0ken"));
	}

	@Test
	void plainPasswordIsFlaggedEvenWithoutUser() {
		assertThat(flags("--user alice --pass s3cret").settings().hasPlaintextPassword()).isTrue();
		assertThat(flags("--pass s3cret").settings().hasPlaintextPassword()).isTrue();
		assertThat(flags("--user alice").settings().hasPlaintextPassword()).isFalse();
	}

	@Test
	void bcryptPasswordIsNotFlagged() {
		String hash = "$2a$11$PWIFAL8RsWyGI3jVZtO9Nu8.6jOxzxfZo7c/W0eLk017hjgUKWrhy";
		assertThat(flags("--user alice --pass " + hash).settings().hasPlaintextPassword()).isFalse();
	}

	@Test
	void debugAndTraceBecomeBrokerLogging() {
		assertThat(options("-D").logging()).isEqualTo(new BrokerLogging(true, false));
		assertThat(options("-V").logging()).isEqualTo(new BrokerLogging(false, true));
	}

	@Test
	void ioThreadsDefaultToHalfTheProcessorsAndCanBeGiven() {
		assertThat(options("").ioThreads()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
		assertThat(options("--io_threads 3").ioThreads()).isEqualTo(3);
	}

	@Test
	void negativeIoThreadsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> options("--io_threads -2"))
			.withMessageContaining("ioThreads must be positive");
	}

	@Test
	void tlsFlagsBecomeTlsSettingsAndTlsFalseTurnsThemOff() {
		assertThat(options("").tls()).isNull();
		BrokerTls tls = options("--tlscert c.pem --tlskey k.pem --tlscacert ca.pem --tlsverify").tls();
		assertThat(tls.certificateFile()).isEqualTo(Path.of("c.pem"));
		assertThat(tls.privateKeyFile()).isEqualTo(Path.of("k.pem"));
		assertThat(tls.caFile()).isEqualTo(Path.of("ca.pem"));
		assertThat(tls.verifyClients()).isTrue();
		assertThat(options("-tls=false --tlscert c.pem").tls()).isNull();
	}

	@Test
	void logFileIsAPathOnlyWhenGiven() {
		assertThat(flags("").settings().logFile()).isEmpty();
		assertThat(flags("-l nats.log").settings().logFile()).isEqualTo("nats.log");
	}

	@Test
	void withoutClusterFlagsThereIsNoCluster() {
		assertThat(options("").cluster()).isNull();
		assertThat(options("").clientAdvertise()).isNull();
	}

	@Test
	void clusterUrlSetsTheClusterHostAndPortWithoutCredentials() {
		BrokerCluster cluster = options("--cluster nats://127.0.0.1:6333").cluster();
		assertThat(cluster.host()).isEqualTo("127.0.0.1");
		assertThat(cluster.port()).isEqualTo(6333);
		assertThat(cluster.name()).isNull();
		assertThat(cluster.routes()).isEmpty();
		assertThat(cluster.username()).isNull();
		assertThat(cluster.authTimeout()).isEqualTo(BrokerCluster.DEFAULT_AUTH_TIMEOUT);
	}

	@Test
	void clusterPortMinusOneIsARandomPort() {
		assertThat(options("--cluster nats://127.0.0.1:-1").cluster().port()).isZero();
		assertThat(options("--cluster nats://[::1]:-1").cluster().host()).isEqualTo("::1");
	}

	@Test
	void clusterPortZeroMeansNoClusterAsInNatsServer() {
		assertThat(options("--cluster nats://127.0.0.1:0").cluster()).isNull();
		assertThat(options("--cluster=").cluster()).isNull();
	}

	@Test
	void clusterPortWithALeadingZeroIsOctalAsGoScansIt() {
		assertThat(options("--cluster nats://127.0.0.1:010").cluster().port()).isEqualTo(8);
		assertThat(options("--cluster nats://127.0.0.1:09").cluster()).isNull();
	}

	@Test
	void userAndPasswordOfTheClusterUrlAreTheRouteCredentials() {
		BrokerCluster cluster = options("--cluster nats://ru:r%40p@127.0.0.1:-1").cluster();
		assertThat(cluster.username()).isEqualTo("ru");
		assertThat(cluster.password()).isEqualTo("r@p");
	}

	@Test
	void passwordWithoutUserInTheClusterUrlAsksNoCredentials() {
		assertThat(options("--cluster nats://:p@127.0.0.1:-1").cluster().username()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			nats://u@127.0.0.1:-1           | expected cluster password to be set
			127.0.0.1:6222                  | parse "127.0.0.1:6222": first path segment in URL cannot contain colon
			localhost:6222                  | missing port in address
			nats://127.0.0.1                | address 127.0.0.1: missing port in address
			nats://127.0.0.1:x              | parse "nats://127.0.0.1:x": invalid port ":x" after host
			nats://127.0.0.1:               | EOF
			nats://127.0.0.1:1:2            | address 127.0.0.1:1:2: too many colons in address
			nats://127.0.0.1:-1/p?x         | parse "nats://127.0.0.1:-1/p?x": invalid port ":-1" after host
			nats://[::1                     | parse "nats://[::1": missing ']' in host
			nats://a%zz:1                   | parse "nats://a%zz:1": invalid URL escape "%zz"
			nats://a^b:1                    | parse "nats://a^b:1": invalid character "^" in host name
			nats://u{:p@127.0.0.1:1         | parse "nats://u{:p@127.0.0.1:1": net/url: invalid userinfo
			://x                            | parse "://x": missing protocol scheme
			nats://127.0.0.1:99999999999999999999 | strconv.ParseInt: parsing "99999999999999999999": value out of range
			""")
	void badClusterUrlsAreRefusedWithNatsServersWords(String url, String message) {
		assertThatIllegalArgumentException().isThrownBy(() -> options("--cluster " + url)).withMessage(message);
	}

	@Test
	void clusterPortOutOfRangeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> options("--cluster nats://127.0.0.1:99999"))
			.withMessage("invalid cluster port 99999");
	}

	@Test
	void routesAreCommaSeparatedAndTrimmed() {
		assertThat(options("--cluster nats://127.0.0.1:-1 --routes nats://a:1,nats-route://u:p@b:2").cluster().routes())
			.containsExactly(URI.create("nats://a:1"), URI.create("nats-route://u:p@b:2"));
		BrokerFlags spaced = ((BrokerCommand.Start) BrokerCommandLine.parse("--cluster", "nats://127.0.0.1:-1",
				"--routes", " nats://a:1 , nats://b:2")).flags();
		assertThat(spaced.toOptions().cluster().routes())
			.containsExactly(URI.create("nats://a:1"), URI.create("nats://b:2"));
	}

	@Test
	void routesWithoutAClusterAreRefusedAsByNatsServer() {
		assertThatIllegalArgumentException().isThrownBy(() -> options("--routes nats://a:1"))
			.withMessage("solicited routes require cluster capabilities, e.g. --cluster");
		assertThatIllegalArgumentException().isThrownBy(() -> options("--routes nats://a:1 --cluster="))
			.withMessage("solicited routes require cluster capabilities, e.g. --cluster");
	}

	@Test
	void aRouteThatIsNotAUrlIsRefusedWithGosWords() {
		assertThatIllegalArgumentException().isThrownBy(() -> options("--cluster nats://127.0.0.1:-1 --routes ://x"))
			.withMessage("parse \"://x\": missing protocol scheme");
	}

	@Test
	void clusterNameAdvertiseAndRetriesAreUsed() {
		BrokerCluster cluster = options("--cluster nats://127.0.0.1:-1 --cluster_name east --cluster_advertise h:7 "
				+ "--no_advertise --connect_retries 4").cluster();
		assertThat(cluster.name()).isEqualTo("east");
		assertThat(cluster.advertise()).isEqualTo("h:7");
		assertThat(cluster.noAdvertise()).isTrue();
		assertThat(cluster.connectRetries()).isEqualTo(4);
	}

	@Test
	void negativeConnectRetriesAreNoneAsInNatsServer() {
		assertThat(options("--cluster nats://127.0.0.1:-1 --connect_retries -3").cluster().connectRetries()).isZero();
	}

	@Test
	void clientAdvertiseIsUsed() {
		assertThat(options("--client_advertise nats.example.com:4333").clientAdvertise())
			.isEqualTo("nats.example.com:4333");
	}

	@Test
	void clusterUrlReplacesTheFilesAddressAndCredentialsButKeepsItsRoutes() throws Exception {
		BrokerCluster cluster = overFile("""
				cluster {
				  listen: 127.0.0.1:6222
				  authorization { user: a, password: b }
				  routes: [ nats://x:1 ]
				}
				""", "--cluster nats://127.0.0.2:-1").cluster();
		assertThat(cluster.host()).isEqualTo("127.0.0.2");
		assertThat(cluster.port()).isZero();
		assertThat(cluster.username()).isNull();
		assertThat(cluster.routes()).containsExactly(URI.create("nats://x:1"));
	}

	@Test
	void routesFlagReplacesTheFilesRoutesAndNeedsOnlyTheFilesCluster() throws Exception {
		BrokerCluster cluster = overFile("cluster { port: 6222, name: file, routes: [ nats://x:1 ] }\n",
				"--routes nats://y:2 --cluster_name flag").cluster();
		assertThat(cluster.port()).isEqualTo(6222);
		assertThat(cluster.name()).isEqualTo("flag");
		assertThat(cluster.routes()).containsExactly(URI.create("nats://y:2"));
	}

	@Test
	void emptyClusterFlagTurnsTheFilesClusterOff() throws Exception {
		assertThat(overFile("cluster { port: 6222 }\n", "--cluster=").cluster()).isNull();
	}

	@Test
	void clusterHostInTheFileSatisfiesTheRoutesCheckButWithoutAPortThereIsNoCluster() throws Exception {
		assertThat(overFile("cluster { host: 127.0.0.1 }\n", "--routes nats://y:2").cluster()).isNull();
	}

	@Test
	void jetStreamFlagTurnsJetStreamOnInTheTemporaryDirectoryByDefault() {
		assertThat(options("-js").jetStream())
			.isEqualTo(BrokerJetStream.inDirectory(Path.of(System.getProperty("java.io.tmpdir"), "nats")));
		assertThat(options("--jetstream -sd /data").jetStream()).isEqualTo(BrokerJetStream.inDirectory(Path.of("/data")));
		assertThat(options("-jetstream=true --store_dir=/data").jetStream().storeDirectory()).isEqualTo(Path.of("/data"));
	}

	@Test
	void storeDirectoryAloneDoesNotTurnJetStreamOn() {
		assertThat(options("-sd /data").jetStream()).isNull();
		assertThat(options("").jetStream()).isNull();
	}

	@Test
	void jetStreamFlagWinsOverTheFileEitherWay() throws Exception {
		assertThat(overFile("jetstream: false\n", "-js").jetStream()).isNotNull();
		assertThat(overFile("jetstream { max_mem: 1G }\n", "-js=false").jetStream()).isNull();
		assertThat(overFile("jetstream: enabled\n", "-sd /data").jetStream().storeDirectory()).isEqualTo(Path.of("/data"));
	}

	@Test
	void storeDirectoryFlagAndOneInTheFileAreADuplicateAsInNatsServer() {
		assertThatExceptionOfType(ConfigFileException.class)
			.isThrownBy(() -> overFile("jetstream {\n  store_dir: \"/file\"\n}\n", "-sd /flag"))
			.satisfies((ex) -> assertThat(ex.getErrors()).singleElement().asString()
				.endsWith(":2:3: Duplicate 'store_dir' configuration"));
	}

	private NatsBrokerOptions overFile(String content, String args) throws Exception {
		Path file = Files.writeString(this.dir.resolve("nats.conf"), content);
		BrokerFlags flags = flags(args);
		ServerSettings.Builder settings = flags.beforeConfigFile(ServerSettings.builder());
		ConfigFileReader.read(file.toString(), settings);
		return flags.applyTo(settings).build().toOptions();
	}

	private static BrokerFlags flags(String args) {
		BrokerCommand command = BrokerCommandLine.parse(args.isEmpty() ? new String[0] : args.split(" "));
		return ((BrokerCommand.Start) command).flags();
	}

	private static NatsBrokerOptions options(String args) {
		return flags(args).toOptions();
	}
}
