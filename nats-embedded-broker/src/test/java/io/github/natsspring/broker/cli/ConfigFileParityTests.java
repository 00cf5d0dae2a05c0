package io.github.natsspring.broker.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.github.natsspring.broker.interop.NatsServerBinary;
import io.github.natsspring.broker.tls.TestCertificates;
import io.nats.client.NKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same configuration files checked by nats-server ({@code -t -c file}) and by this broker: the same exit
 * status and the same words on standard error, the program name aside. Valid files are reported valid by both;
 * broken ones are refused with the same message, place ({@code file:line:column}) included. nats-server visits
 * map keys in random order, so a file with several errors is compared line by line, sorted, and no file here has
 * an error whose place depends on that order.
 */
class ConfigFileParityTests {

	private static Path natsServer;

	private static String nkey;

	@TempDir
	static Path dir;

	private static TestCertificates certificates;

	private static TestCertificates.Issued server;

	@BeforeAll
	static void prepare() throws Exception {
		natsServer = NatsServerBinary.require();
		nkey = new String(NKey.createUser(null).getPublicKey());
		certificates = TestCertificates.create(dir, "parity");
		server = certificates.server("localhost", TestCertificates.KeyFormat.PKCS8);
		Files.writeString(dir.resolve("included.conf"), "server_name: from-include\nmax_payload: 64KB\n");
		Files.writeString(dir.resolve("broken-target.conf"), "port: = 4\n");
	}

	static Stream<Arguments> validFiles() {
		return Stream.of(
				Arguments.of("port", "port: 4222\n"),
				Arguments.of("listen", "listen: 127.0.0.1:4333\n"),
				Arguments.of("listen quoted, separators", "listen = \"127.0.0.1:4333\"; server_name = demo\n"),
				Arguments.of("comments and sizes", "# comment\n// more\nport 4222 # trailing\nmax_payload: 512KB\n"),
				Arguments.of("json-like", "{ \"port\": 4222, \"debug\": true }\n"),
				Arguments.of("quoted keys", "\"port\": 4222\n'server_name': x\n"),
				Arguments.of("value on the next line in a map", "authorization {\n user:\n  alice\n password: x\n}\n"),
				Arguments.of("single user", "authorization {\n  user: alice\n  password: \"s3 cret\"\n  timeout: 2.5\n}\n"),
				Arguments.of("token variable", "TOKEN = abc\nauthorization { token: $TOKEN }\n"),
				Arguments.of("bcrypt bare", "authorization { user: a, password: $2a$11$W2zko751KUvVy59mUTWmpOdWjpEm5qhcCZRd05GjI/sSOT.xtiHyG }\n"),
				Arguments.of("users with variable permissions", """
						authorization {
						  BASIC = { publish: ["a.>", "b"], subscribe: { allow: ["_INBOX.>", "q.* workers"], deny: "x" } }
						  users = [
						    {user: alice, password: foo, permissions: $BASIC}
						    {user: bob, password: bar}
						  ]
						  default_permissions: { publish: ">", allow_responses: { max: 2, expires: "1m" } }
						}
						"""),
				Arguments.of("allow responses true", "authorization { users: [ {user: a, password: b, permissions: { allow_responses: true }} ] }\n"),
				Arguments.of("nkey user", "authorization { users = [ {nkey: " + nkey + "} ] }\n"),
				Arguments.of("include", "include ./included.conf\nport: 4222\n"),
				Arguments.of("include quoted", "include \"included.conf\"; port: 4222\n"),
				Arguments.of("durations", "ping_interval: \"30s\"\nwrite_deadline: \"2s\"\nlame_duck_duration: \"1m30s\"\nlame_duck_grace_period: \"5s\"\n"),
				Arguments.of("limits", "max_connections: 100\nmax_subscriptions: 1k\nmax_pending: 64MB\nmax_control_line: 2KB\nping_max: 3\n"),
				Arguments.of("logging", "debug: yes\ntrace: off\nlogtime: false\n"),
				Arguments.of("block string", "server_name: (\nabc\n)\n"),
				Arguments.of("key without value at the end", "port"),
				Arguments.of("empty string at the end", "server_name = "),
				Arguments.of("array of bare words", "x = [a, b.>]\nauthorization { users: [ {user: a, password: b, permissions: { publish: $x }} ] }\n"),
				Arguments.of("escapes", "server_name: \"a\\tb\\x41\\\"\"\n"),
				Arguments.of("tls", "tls {\n  cert_file: \"" + server.certificateFile() + "\"\n  key_file: \"" + server.keyFile()
						+ "\"\n  ca_file: \"" + certificates.caFile() + "\"\n  verify: true\n  timeout: 3\n}\n"),
				Arguments.of("tls ciphers", "tls { cert_file: \"" + server.certificateFile() + "\", key_file: \"" + server.keyFile()
						+ "\", cipher_suites: [\"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\", \"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305\"],"
						+ " curve_preferences: [\"CurveP256\"], timeout: \"1.5s\" }\n"),
				Arguments.of("tls verify_and_map", "tls { cert_file: \"" + server.certificateFile() + "\", key_file: \"" + server.keyFile()
						+ "\", verify_and_map: true }\nauthorization { users: [ {user: \"CN=app\"} ] }\n"),
				Arguments.of("tls pinned certificates", "tls { cert_file: \"" + server.certificateFile() + "\", key_file: \"" + server.keyFile()
						+ "\", pinned_certs: [\"" + "AB".repeat(32) + "\"] }\n"),
				Arguments.of("monitoring port", "http_port: 8222\nmonitor_port: -1\n"),
				Arguments.of("monitoring address and base path", "http: \"127.0.0.1:8222\"\nhttp_base_path: /nats\n"),
				Arguments.of("known keys without effect", "disable_sublist_cache: true\nmax_traced_msg_len: 10\nclient_advertise: \"a:1\"\n"),
				Arguments.of("cluster listen", "cluster { name: c, listen: 127.0.0.1:6222 }\n"),
				Arguments.of("cluster every key", """
						cluster {
						  name: c
						  host: 127.0.0.1
						  port: -1
						  advertise: "h:1"
						  no_advertise: true
						  connect_retries: 3
						  routes: [ nats://127.0.0.1:6222, "nats-route://u:p@127.0.0.1:6223" ]
						  authorization { user: u, password: p, timeout: 1.5 }
						}
						client_advertise: "127.0.0.1:4222"
						"""),
				Arguments.of("cluster aliases", "cluster { net: 127.0.0.1, port: 6222, cluster_advertise: h }\n"),
				Arguments.of("jetstream enabled", "jetstream: enabled\n"),
				Arguments.of("jetstream boolean", "jetstream: true\n"),
				Arguments.of("jetstream block", "jetstream { store_dir: \"" + dir.resolve("js")
						+ "\", max_memory_store: 64MB, max_file_store: 1GB }\n"),
				Arguments.of("jetstream block aliases", "jetstream { store: \"/tmp\", max_mem: \"1G\", max_file: \"10M\" }\n"),
				Arguments.of("jetstream block turned off", "jetstream { enabled: false }\n"),
				Arguments.of("store_dir at the top", "store_dir: \"/tmp\"\njetstream: disabled\n"),
				Arguments.of("cluster route variable", "cluster {\n  R = \"nats://127.0.0.1:1\"\n  routes: [$R]\n  port: 6222\n}\n"),
				Arguments.of("cluster tls", "cluster {\n  port: 6222\n  tls {\n    cert_file: \"" + server.certificateFile()
						+ "\"\n    key_file: \"" + server.keyFile() + "\"\n    ca_file: \"" + certificates.caFile()
						+ "\"\n    timeout: 3\n  }\n}\n"));
	}

	static Stream<Arguments> brokenFiles() {
		return Stream.of(
				Arguments.of("unknown key", "foo_bar: 1\n"),
				Arguments.of("jetstream word", "jetstream: maybe\n"),
				Arguments.of("jetstream number", "jetstream: 5\n"),
				Arguments.of("jetstream size not a number", "jetstream { max_mem: \"abc\" }\n"),
				Arguments.of("jetstream size suffix", "jetstream { max_file: \"10X\" }\n"),
				Arguments.of("jetstream size type", "jetstream { max_file_store: 1.5 }\n"),
				Arguments.of("jetstream unknown key", "jetstream { foo: 1 }\n"),
				Arguments.of("unknown key on line 2", "port: 4222\nfoo: 1\n"),
				Arguments.of("unknown key indented", "\n\n   bar = 2\n"),
				Arguments.of("unknown key in authorization", "authorization { usr: x }\n"),
				Arguments.of("string for int", "port: 4x\n"),
				Arguments.of("monitoring address without a port", "http: \"localhost\"\n"),
				Arguments.of("monitoring address with a bad port", "http: \"localhost:x\"\n"),
				Arguments.of("monitoring port as a string", "http_port: \"8222\"\n"),
				Arguments.of("quoted size", "max_payload: \"1MB\"\n"),
				Arguments.of("no value", "port = \n"),
				Arguments.of("unclosed map", "a { b: 1"),
				Arguments.of("unclosed map with newline", "a { b: 1\n"),
				Arguments.of("payload too big", "max_payload: 2GB\n"),
				Arguments.of("two values on a line", "port 4222 server_name a\n"),
				Arguments.of("integer before bracket", "x = [1, 2]\nserver_name: $x\n"),
				Arguments.of("array for string", "x = [1, 2 ]\nserver_name: $x\n"),
				Arguments.of("missing variable", "server_name: $NO_SUCH_VARIABLE_ANYWHERE\n"),
				Arguments.of("variable in a string", "listen: 127.0.0.1:$P\n"),
				Arguments.of("missing include", "include missing.conf\n"),
				Arguments.of("broken include", "include broken-target.conf\n"),
				Arguments.of("include of an array", "include [x]\n"),
				Arguments.of("user of the wrong type", "authorization { user: 1 }\n"),
				Arguments.of("authorization not a map", "authorization: 1\n"),
				Arguments.of("password of the wrong type", "authorization { users: [ {user: a, password: 1} ] }\n"),
				Arguments.of("old-style permission of the wrong type", "authorization { users: [ {user: a, password: b, permissions: { publish: 1 } } ] }\n"),
				Arguments.of("bad subject", "authorization { users: [ {user: a, password: b, permissions: { publish: \"a b c\" } } ] }\n"),
				Arguments.of("bad subject in allow", "authorization { users: [ {user: a, password: b, permissions: { subscribe: { allow: [\"a..b\"] } } } ] }\n"),
				Arguments.of("subject not a string", "authorization { users: [ {user: a, password: b, permissions: { publish: { allow: [1] } } } ] }\n"),
				Arguments.of("unknown permission", "authorization { users: [ {user: a, password: b, permissions: { pubish: \"a\" } } ] }\n"),
				Arguments.of("unknown allow/deny", "authorization { users: [ {user: a, password: b, permissions: { publish: { allw: \"a\" } } } ] }\n"),
				Arguments.of("permissions not a map", "authorization { users: [ {user: a, password: b, permissions: 5 } ] }\n"),
				Arguments.of("responses of the wrong type", "authorization { users: [ {user: a, password: b, permissions: { allow_responses: 5 } } ] }\n"),
				Arguments.of("responses expires", "authorization { users: [ {user: a, password: b, permissions: { allow_responses: { expires: \"1x\" } } } ] }\n"),
				Arguments.of("responses expires not a string", "authorization { users: [ {user: a, password: b, permissions: { allow_responses: { expires: 5 } } } ] }\n"),
				Arguments.of("user and token", "authorization { user: a, token: b }\n"),
				Arguments.of("users and user", "authorization { users: [], user: a }\n"),
				Arguments.of("users and token", "authorization { users: [], token: a }\n"),
				Arguments.of("duplicate users", "authorization { users: [ {user: a, password: b}, {user: a, password: c} ] }\n"),
				Arguments.of("user entry without user", "authorization { users: [ {password: x} ] }\n"),
				Arguments.of("bad nkey", "authorization { users: [ {nkey: UBAD} ] }\n"),
				Arguments.of("users not an array", "authorization { users: 5 }\n"),
				Arguments.of("user entry not a map", "authorization { users: [ 5 ] }\n"),
				Arguments.of("tls file of the wrong type", "tls { cert_file: 1 }\n"),
				Arguments.of("tls unknown key", "tls { foo: 1 }\n"),
				Arguments.of("tls missing files", "tls { cert_file: \"/nope.pem\", key_file: \"/nope.key\" }\n"),
				Arguments.of("tls without key", "tls { cert_file: \"/nope.pem\" }\n"),
				Arguments.of("tls verify not a boolean", "tls { verify: 1 }\n"),
				Arguments.of("tls timeout", "tls { timeout: \"x\" }\n"),
				Arguments.of("tls timeout type", "tls { timeout: true }\n"),
				Arguments.of("tls cipher", "tls { cipher_suites: [\"NOPE\"] }\n"),
				Arguments.of("tls pinned not a list", "tls { pinned_certs: \"x\" }\n"),
				Arguments.of("tls pinned bad key", "tls { pinned_certs: [\"abc\"] }\n"),
				Arguments.of("tls empty curves", "tls { curve_preferences: [] }\n"),
				Arguments.of("duration unit", "ping_interval: \"2x\"\n"),
				Arguments.of("duration missing unit", "write_deadline: \"2\"\n"),
				Arguments.of("duration invalid", "write_deadline: \"abc\"\n"),
				Arguments.of("short lame duck", "lame_duck_duration: \"10s\"\n"),
				Arguments.of("lame duck not a string", "lame_duck_duration: 40\n"),
				Arguments.of("negative grace period", "lame_duck_grace_period: \"-1s\"\n"),
				Arguments.of("seconds as a number", "ping_interval: 5\n"),
				Arguments.of("seconds as a number and an error", "ping_interval: 5\nfoo: 1\n"),
				Arguments.of("listen with colons", "listen: \"a:b:c\"\n"),
				Arguments.of("listen float", "listen: 1.5\n"),
				Arguments.of("listen bad port", "listen: \"localhost:x\"\n"),
				Arguments.of("unterminated double quote", "server_name: \"abc"),
				Arguments.of("unterminated single quote", "server_name: 'abc"),
				Arguments.of("negative without digit", "port: -x\n"),
				Arguments.of("float without leading digit", "port: .5\n"),
				Arguments.of("float without digit after dot", "port: 1.x\n"),
				Arguments.of("short date", "port: 12-01\n"),
				Arguments.of("bad date", "port: 2020-13-01T00:00:00Z\n"),
				Arguments.of("bad date shape", "port: 2020-01-01X00:00:00Z\n"),
				Arguments.of("bad escape", "server_name: \"\\q\"\n"),
				Arguments.of("short hex escape", "server_name: \"\\x4\"\n"),
				Arguments.of("bad hex escape", "server_name: \"\\xZZ\"\n"),
				Arguments.of("separator as key in a map", "a { = 1 }\n"),
				Arguments.of("array end in a map", "a { b ] }\n"),
				Arguments.of("separator at the start", "= 1\n"),
				Arguments.of("comma first in array", "a: [ , ]\n"),
				Arguments.of("array without commas", "a: [ 1 2 ]\n"),
				Arguments.of("map without separators", "a { b: 1 c: 2 }\n"),
				Arguments.of("unterminated block", "server_name: (\nabc"),
				Arguments.of("integer out of range", "port: 99999999999999999999\n"),
				Arguments.of("number after minus", "port: -1x\n"),
				Arguments.of("map value terminator", "a { b: , }\n"),
				Arguments.of("integers as subjects", "x = [1, 2 ]\nauthorization { users: [ {user: a, password: b, permissions: { publish: { allow: $x } }} ] }\n"),
				Arguments.of("several errors", "foo: 1\nbar: 2\nport: \"x\"\n"),
				Arguments.of("cluster unknown key", "cluster { foo: 1 }\n"),
				Arguments.of("cluster not a map", "cluster: 1\n"),
				Arguments.of("cluster port as a string", "cluster { port: \"x\" }\n"),
				Arguments.of("cluster name of the wrong type", "cluster { name: 1 }\n"),
				Arguments.of("cluster host of the wrong type", "cluster { host: 1 }\n"),
				Arguments.of("cluster listen with colons", "cluster {\n  listen: \"a:b:c\"\n}\n"),
				Arguments.of("cluster listen bad port", "cluster { listen: \"localhost:x\" }\n"),
				Arguments.of("cluster routes not a list", "cluster { routes: \"nats://x:1\" }\n"),
				Arguments.of("cluster route not a string", "cluster { routes: [1, \"nats://a:1\"] }\n"),
				Arguments.of("cluster route variable not a string", "cluster { X = 1\n routes: [$X] }\n"),
				Arguments.of("cluster duplicate and bad routes", "cluster { routes: [\"nats://a:1\", \"nats://a:1\", \"://x\", \"nats://b:1\"] }\n"),
				Arguments.of("cluster route with a space in the host", "cluster { routes: [\"nats://a b:1\"] }\n"),
				Arguments.of("cluster route with a bad port", "cluster { routes: [\"nats://a:x\"] }\n"),
				Arguments.of("cluster several users", "cluster { authorization { users: [] } }\n"),
				Arguments.of("cluster token", "cluster { authorization { token: x } }\n"),
				Arguments.of("cluster unknown authorization key", "cluster { authorization { usr: a } }\n"),
				Arguments.of("cluster user of the wrong type", "cluster { authorization { user: 1 } }\n"),
				Arguments.of("cluster authorization not a map", "cluster { authorization: 1 }\n"),
				Arguments.of("cluster no_advertise of the wrong type", "cluster { no_advertise: 1 }\n"),
				Arguments.of("cluster connect_retries of the wrong type", "cluster { connect_retries: \"x\" }\n"),
				Arguments.of("cluster advertise of the wrong type", "cluster { advertise: 1 }\n"),
				Arguments.of("cluster tls unknown key", "cluster { tls { foo: 1 } }\n"),
				Arguments.of("cluster tls missing files", "cluster { tls { cert_file: \"/nope.pem\", key_file: \"/nope.key\" } }\n"),
				Arguments.of("cluster tls without key", "cluster { tls { cert_file: \"/nope.pem\" } }\n"),
				Arguments.of("cluster tls not a map", "cluster { tls: 1 }\n"),
				Arguments.of("cluster error then more keys", "cluster {\n  listen: \"a:b:c\"\n  foo: 1\n}\n"),
				Arguments.of("client_advertise of the wrong type", "client_advertise: 1\n"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("validFiles")
	void validFilesAreValidForBoth(String name, String content) throws Exception {
		Path file = write(name, content);
		Check reference = natsServerCheck(file);
		Check broker = brokerCheck(file);
		assertThat(reference.exitStatus()).as("nats-server: " + reference.stderr()).isZero();
		assertThat(broker.exitStatus()).as(broker.stderr()).isZero();
		assertThat(broker.stderr()).isEqualTo(reference.stderr().replace("nats-server:", "nats-broker:"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("brokenFiles")
	void brokenFilesAreRefusedWithTheSameMessage(String name, String content) throws Exception {
		Path file = write(name, content);
		Check reference = natsServerCheck(file);
		Check broker = brokerCheck(file);
		assertThat(reference.exitStatus()).as("nats-server: " + reference.stderr()).isEqualTo(1);
		assertThat(broker.exitStatus()).isEqualTo(1);
		assertThat(sortedLines(broker.stderr())).isEqualTo(sortedLines(reference.stderr().replace("nats-server:", "nats-broker:")));
	}

	@Test
	void checkingWithoutAFileIsRefusedAsByNatsServer() throws Exception {
		Check reference = run(List.of(natsServer.toString(), "-t"));
		Check broker = brokerCheck(List.of("-t"));
		assertThat(broker.exitStatus()).isEqualTo(reference.exitStatus()).isEqualTo(1);
		assertThat(broker.stderr()).isEqualTo(reference.stderr().replace("nats-server:", "nats-broker:"));
	}

	@Test
	void aMissingFileIsRefusedAsByNatsServer() throws Exception {
		Path missing = dir.resolve("does-not-exist.conf");
		Check reference = natsServerCheck(missing);
		Check broker = brokerCheck(missing);
		assertThat(broker.exitStatus()).isEqualTo(reference.exitStatus()).isEqualTo(1);
		assertThat(broker.stderr()).isEqualTo(reference.stderr().replace("nats-server:", "nats-broker:"));
	}

	@Test
	void keysOfNatsServerThatTheBrokerDoesNotImplementAreRefusedByName() throws Exception {
		Path file = write("unsupported", "port: 4222\ngateway { name: g, listen: 127.0.0.1:7222 }\n");
		assertThat(natsServerCheck(file).exitStatus()).isZero();
		Check broker = brokerCheck(file);
		assertThat(broker.exitStatus()).isEqualTo(1);
		assertThat(broker.stderr()).isEqualTo("nats-broker: " + file + ":2:1: field \"gateway\" is not supported by this broker\n\n");
	}

	@Test
	void routePermissionsAndRouteOnlyTlsKeysAreRefusedByName() throws Exception {
		Path file = write("cluster-unsupported", """
				cluster {
				  permissions: { import: ">" }
				  authorization { user: u, password: p, permissions: { export: ">" } }
				  tls { insecure: true }
				}
				""");
		Check broker = brokerCheck(file);
		assertThat(broker.exitStatus()).isEqualTo(1);
		assertThat(broker.stderr()).isEqualTo("nats-broker: " + file + ":2:3: field \"permissions\" is not supported by this broker\n"
				+ file + ":3:41: field \"permissions\" is not supported by this broker\n"
				+ file + ":4:9: field \"insecure\" is not supported by this broker\n\n");
	}

	private static List<String> sortedLines(String text) {
		return text.lines().filter((line) -> !line.isEmpty()).map((line) -> line.replaceFirst("^nats-broker: ", ""))
			.sorted().toList();
	}

	private static Path write(String name, String content) throws Exception {
		Path file = dir.resolve(name.replaceAll("[^A-Za-z0-9]+", "-") + ".conf");
		Files.writeString(file, content);
		return file;
	}

	private static Check natsServerCheck(Path file) throws Exception {
		return run(List.of(natsServer.toString(), "-t", "-c", file.toString()));
	}

	private static Check brokerCheck(Path file) {
		return brokerCheck(List.of("-t", "-c", file.toString()));
	}

	private static Check brokerCheck(List<String> args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int status = NatsBrokerMain.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Check(status, err.toString(StandardCharsets.UTF_8));
	}

	private static Check run(List<String> command) throws Exception {
		Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		return new Check(process.waitFor(), stderr);
	}

	private record Check(int exitStatus, String stderr) {
	}
}
