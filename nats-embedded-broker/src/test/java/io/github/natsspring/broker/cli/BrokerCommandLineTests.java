package io.github.natsspring.broker.cli;

import java.util.stream.Stream;

import io.github.natsspring.broker.BrokerMonitoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BrokerCommandLineTests {

	@ParameterizedTest
	@ValueSource(strings = { "-p 4333", "-p=4333", "--port 4333", "--port=4333", "-port 4333", "--p=4333" })
	void portIsReadInEveryFormGoAccepts(String args) {
		assertThat(flags(args).port()).isEqualTo(4333);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-a 127.0.0.2", "--addr 127.0.0.2", "--net 127.0.0.2", "-addr=127.0.0.2",
			"--net=127.0.0.2" })
	void hostIsReadFromEveryAlias(String args) {
		assertThat(flags(args).host()).isEqualTo("127.0.0.2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-n edge", "--name edge", "--server_name edge", "-server_name=edge" })
	void serverNameIsReadFromEveryAlias(String args) {
		assertThat(flags(args).serverName()).isEqualTo("edge");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-P nats.pid", "--pid nats.pid", "-pid=nats.pid" })
	void pidFileIsReadFromEveryAlias(String args) {
		assertThat(flags(args).pidFile()).isEqualTo("nats.pid");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-m 8333", "-m=8333", "--http_port 8333", "-http_port=8333" })
	void monitoringPortIsReadFromEveryAlias(String args) {
		assertThat(flags(args).toOptions().monitoring().port()).isEqualTo(8333);
	}

	@Test
	void monitoringFollowsTheClientHostAndMinusOneIsARandomPort() {
		assertThat(flags("-a 127.0.0.1 -m -1").toOptions().monitoring())
			.isEqualTo(BrokerMonitoring.builder().host("127.0.0.1").port(0).build());
	}

	@Test
	void httpFlagSetsTheMonitoringHostAndPort() {
		assertThat(flags("--http 127.0.0.3:8444").toOptions().monitoring())
			.isEqualTo(BrokerMonitoring.builder().host("127.0.0.3").port(8444).build());
		assertThat(flags("--http [::1]:8444").toOptions().monitoring().host()).isEqualTo("::1");
	}

	@Test
	void httpFlagWithoutAPortIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> flags("--http localhost").toOptions())
			.withMessage("could not parse address string \"localhost\"");
	}

	@Test
	void authenticationFlagsAreRead() {
		BrokerFlags flags = flags("--user alice --pass s3cret --auth t0ken");
		assertThat(flags.user()).isEqualTo("alice");
		assertThat(flags.password()).isEqualTo("s3cret");
		assertThat(flags.token()).isEqualTo("t0ken");
	}

	@Test
	void valueStartingWithDashIsTakenAsTheValue() {
		assertThat(flags("--auth -secret").token()).isEqualTo("-secret");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-l broker.log", "--log broker.log", "-log=broker.log" })
	void logFileIsReadFromEveryAlias(String args) {
		assertThat(flags(args).logFile()).isEqualTo("broker.log");
	}

	@Test
	void timestampsAreOnUnlessTurnedOffWithEquals() {
		assertThat(flags("").logTime()).isTrue();
		assertThat(flags("-T=false").logTime()).isFalse();
		assertThat(flags("--logtime=0").logTime()).isFalse();
	}

	@Test
	void lastOfRepeatedFlagsWins() {
		assertThat(flags("-p 1 --port 2 -p=3").port()).isEqualTo(3);
		assertThat(flags("-a 127.0.0.1 --net 127.0.0.3").host()).isEqualTo("127.0.0.3");
	}

	@ParameterizedTest
	@ValueSource(strings = { "--cluster nats://127.0.0.1:6333", "-cluster=nats://127.0.0.1:6333",
			"--cluster_listen nats://127.0.0.1:6333" })
	void clusterUrlIsReadFromEveryAlias(String args) {
		BrokerFlags flags = flags(args);
		assertThat(flags.cluster().listen()).isEqualTo("nats://127.0.0.1:6333");
		assertThat(flags.given()).contains("cluster");
	}

	@Test
	void clusterFlagsAreRead() {
		BrokerFlags flags = flags("--cluster_name east --routes nats://a:1,nats://b:2 --cluster_advertise h:7 "
				+ "--no_advertise --connect_retries 4 --client_advertise c:8");
		assertThat(flags.cluster()).isEqualTo(
				new BrokerFlags.ClusterFlags("", "east", "nats://a:1,nats://b:2", "h:7", true, 4));
		assertThat(flags.clientAdvertise()).isEqualTo("c:8");
		assertThat(flags.given()).contains("clusterName", "routes", "clusterAdvertise", "noAdvertise",
				"connectRetries", "clientAdvertise");
	}

	@Test
	void noAdvertiseIsABooleanFlagThatTakesNoValue() {
		assertThat(parse("--no_advertise false")).isEqualTo(new BrokerCommand.UnrecognizedCommand("false"));
		assertThat(flags("--no_advertise=false").cluster().noAdvertise()).isFalse();
	}

	static Stream<Arguments> debugAndTraceFlags() {
		return Stream.of(Arguments.of("", false, false), Arguments.of("-D", true, false),
				Arguments.of("--debug", true, false), Arguments.of("-V", false, true),
				Arguments.of("--trace", false, true), Arguments.of("-D -V", true, true),
				Arguments.of("-DV", true, true), Arguments.of("-VV", false, true), Arguments.of("-DVV", true, true),
				Arguments.of("-D=false", false, false), Arguments.of("-DV -D=false", true, true),
				Arguments.of("-D -DV=false", false, false), Arguments.of("-V -VV=false", false, false),
				Arguments.of("-DVV -VV=false", true, false));
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" -> debug={1}, trace={2}")
	@MethodSource("debugAndTraceFlags")
	void debugAndTraceFollowNatsServerIncludingCombinedFlagsOverridingSingleOnes(String args, boolean debug,
			boolean trace) {
		BrokerFlags flags = flags(args);
		assertThat(flags.debug()).isEqualTo(debug);
		assertThat(flags.trace()).isEqualTo(trace);
	}

	static Stream<Arguments> flagErrors() {
		return Stream.of(Arguments.of("--bogus", "flag provided but not defined: -bogus"),
				Arguments.of("-x", "flag provided but not defined: -x"),
				Arguments.of("-VD", "flag provided but not defined: -VD"),
				Arguments.of("-ms 8222", "flag provided but not defined: -ms"),
				Arguments.of("-m abc", "invalid value \"abc\" for flag -m: parse error"),
				Arguments.of("-p abc", "invalid value \"abc\" for flag -p: parse error"),
				Arguments.of("--port=abc", "invalid value \"abc\" for flag -port: parse error"),
				Arguments.of("-p 99999999999999999999",
						"invalid value \"99999999999999999999\" for flag -p: value out of range"),
				Arguments.of("-p", "flag needs an argument: -p"),
				Arguments.of("-D=maybe", "invalid boolean value \"maybe\" for -D: parse error"),
				Arguments.of("---port 1", "bad flag syntax: ---port"),
				Arguments.of("-=1", "bad flag syntax: -=1"),
				Arguments.of("-h --bogus", "flag provided but not defined: -bogus"),
				Arguments.of("-v -p abc", "invalid value \"abc\" for flag -p: parse error"),
				Arguments.of("--connect_retries x", "invalid value \"x\" for flag -connect_retries: parse error"),
				Arguments.of("--no_advertise=maybe", "invalid boolean value \"maybe\" for -no_advertise: parse error"),
				Arguments.of("--cluster", "flag needs an argument: -cluster"),
				Arguments.of("--routes", "flag needs an argument: -routes"));
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
	@MethodSource("flagErrors")
	void badFlagsAreReportedWithGoFlagPackageWording(String args, String message) {
		assertThat(parse(args)).isEqualTo(new BrokerCommand.FlagError(message));
	}

	@Test
	void quotedValueInErrorEscapesLikeGo() {
		assertThat(BrokerCommandLine.parse("-p", "a\"b\n")).isEqualTo(
				new BrokerCommand.FlagError("invalid value \"a\\\"b\\n\" for flag -p: parse error"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "-h", "--help", "-help", "help", "HELP", "-p 1 help", "-h=true", "-h version" })
	void helpIsAskedByFlagOrCommandAndItsFlagWinsOverTheVersionCommand(String args) {
		assertThat(parse(args)).isEqualTo(new BrokerCommand.ShowHelp());
	}

	@ParameterizedTest
	@ValueSource(strings = { "-v", "--version", "version", "Version", "-v -h", "-v help" })
	void versionIsAskedByFlagOrCommandAndItsFlagWinsOverHelp(String args) {
		assertThat(parse(args)).isEqualTo(new BrokerCommand.ShowVersion());
	}

	@Test
	void helpFlagSetToFalseStartsTheBroker() {
		assertThat(parse("-h=false")).isInstanceOf(BrokerCommand.Start.class);
	}

	@Test
	void firstPositionalArgumentIsAnUnrecognizedCommand() {
		assertThat(parse("-p 1 foo -D")).isEqualTo(new BrokerCommand.UnrecognizedCommand("foo"));
		assertThat(parse("-")).isEqualTo(new BrokerCommand.UnrecognizedCommand("-"));
	}

	@Test
	void doubleDashEndsFlagsSoWhatFollowsIsACommand() {
		assertThat(parse("-D -- -p")).isEqualTo(new BrokerCommand.UnrecognizedCommand("-p"));
	}

	@Test
	void boolFlagDoesNotConsumeTheNextArgument() {
		assertThat(parse("-D false")).isEqualTo(new BrokerCommand.UnrecognizedCommand("false"));
	}

	@Test
	void noArgumentsStartWithDefaults() {
		assertThat(parse("")).isEqualTo(new BrokerCommand.Start(BrokerFlags.defaults()));
	}

	private static BrokerCommand parse(String args) {
		return BrokerCommandLine.parse(args.isEmpty() ? new String[0] : args.split(" "));
	}

	private static BrokerFlags flags(String args) {
		BrokerCommand command = parse(args);
		assertThat(command).isInstanceOf(BrokerCommand.Start.class);
		return ((BrokerCommand.Start) command).flags();
	}
}
