package io.github.natsspring.broker.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.github.natsspring.broker.BrokerAuth;
import io.github.natsspring.broker.BrokerLogging;
import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.BrokerUser;
import io.github.natsspring.broker.NatsBrokerOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BrokerFlagsTests {

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

	private static BrokerFlags flags(String args) {
		BrokerCommand command = BrokerCommandLine.parse(args.isEmpty() ? new String[0] : args.split(" "));
		return ((BrokerCommand.Start) command).flags();
	}

	private static NatsBrokerOptions options(String args) {
		return flags(args).toOptions();
	}
}
