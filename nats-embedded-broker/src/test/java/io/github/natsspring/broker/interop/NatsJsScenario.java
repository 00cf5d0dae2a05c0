package io.github.natsspring.broker.interop;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.natsspring.broker.tls.TestCertificates.Issued;

/**
 * One nats.js scenario with its options, run by {@link #against(NatsTarget)}. Secrets (password, token, nkey seed)
 * go to the harness in its environment, the rest on its command line.
 */
final class NatsJsScenario {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	private final NatsJsHarness harness;

	private final List<String> arguments = new ArrayList<>();

	private final Map<String, String> environment = new LinkedHashMap<>();

	private Duration timeout = DEFAULT_TIMEOUT;

	NatsJsScenario(NatsJsHarness harness, String name) {
		this.harness = harness;
		this.arguments.add(name);
	}

	/** Verifies the server's certificate against this CA file instead of node's default roots. */
	NatsJsScenario trusting(Path caFile) {
		return option("--ca", caFile.toString());
	}

	/** Presents this client certificate in the TLS handshake. */
	NatsJsScenario presenting(Issued client) {
		return option("--cert", client.certificateFile().toString()).option("--key", client.keyFile().toString());
	}

	/** Connects with nats.js's {@code tls: null}: the client does not want TLS. */
	NatsJsScenario inPlaintext() {
		arguments.add("--plaintext");
		return this;
	}

	/** Authenticates with a user and password. */
	NatsJsScenario user(String user, String password) {
		environment.put("NATSJS_PASS", password);
		return option("--user", user);
	}

	/** Authenticates with a token. */
	NatsJsScenario token(String token) {
		environment.put("NATSJS_TOKEN", token);
		return this;
	}

	/** Authenticates with an nkey, signing the server's nonce with this seed. */
	NatsJsScenario nkeySeed(char[] seed) {
		environment.put("NATSJS_NKEY_SEED", new String(seed));
		return this;
	}

	/** The subject a permission scenario publishes or subscribes to. */
	NatsJsScenario subject(String subject) {
		return option("--subject", subject);
	}

	/** Bounds the scenario, connect included; 10 seconds unless set. */
	NatsJsScenario timeout(Duration timeout) {
		this.timeout = timeout;
		return this;
	}

	/** Runs the scenario against the target's URL and returns what the harness printed. */
	NatsJsResult against(NatsTarget target) throws Exception {
		List<String> command = new ArrayList<>(arguments);
		command.addAll(List.of("--server", target.url()));
		return harness.run(command, environment, timeout);
	}

	private NatsJsScenario option(String name, String value) {
		arguments.add(name);
		arguments.add(value);
		return this;
	}
}
