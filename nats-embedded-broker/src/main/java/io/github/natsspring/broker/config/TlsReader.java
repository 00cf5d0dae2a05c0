package io.github.natsspring.broker.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.protocol.GoDuration;
import io.github.natsspring.broker.protocol.GoQuote;

/**
 * Reads a {@code tls} block, the top-level one or the cluster's, as nats-server 2.9.10 does: the first problem
 * ends the block. Cipher suites take nats-server's (Go's) names; pinned certificates the hex SHA-256 of a
 * SubjectPublicKeyInfo; curve preferences are checked but not applied, as Java 17 has no per-connection choice
 * of key-exchange groups. For routes, what only routes use and this broker does not implement
 * ({@code insecure}, {@code verify_and_map}, {@code verify_cert_and_check_known_urls}) is refused by name.
 */
final class TlsReader {

	private static final Set<String> CIPHER_SUITES = Set.of("TLS_RSA_WITH_RC4_128_SHA", "TLS_RSA_WITH_3DES_EDE_CBC_SHA",
			"TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_RSA_WITH_AES_128_CBC_SHA256", "TLS_RSA_WITH_AES_256_CBC_SHA",
			"TLS_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_RC4_128_SHA",
			"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
			"TLS_ECDHE_RSA_WITH_RC4_128_SHA", "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA",
			"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
			"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
			"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
			"TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
			"TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305", "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305", "TLS_AES_128_GCM_SHA256",
			"TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");

	private static final Set<String> CURVES = Set.of("X25519", "CurveP256", "CurveP384", "CurveP521");

	private final ConfigProblems problems;

	private final boolean routes;

	private String certificateFile = "";

	private String keyFile = "";

	private String caFile = "";

	private boolean verify;

	private boolean map;

	private Duration timeout;

	private List<String> cipherSuites;

	private Set<String> pinnedCertificates;

	/**
	 * Creates a reader of one block.
	 * @param problems where refusals go
	 * @param routes whether the block is the cluster's, for routes, rather than the one for clients
	 */
	TlsReader(ConfigProblems problems, boolean routes) {
		this.problems = problems;
		this.routes = routes;
	}

	/** The block's settings, or {@code null} when it was refused. */
	Tls read(ConfigValue block) {
		try {
			for (Map.Entry<String, ConfigValue> entry : ConfigValues.map(block).entrySet()) {
				Refusal refusal = readEntry(entry.getKey(), entry.getValue());
				if (refusal != null) {
					this.problems.error(refusal.value(), refusal.reason());
					return null;
				}
			}
		}
		catch (ConfigTypeMismatch mismatch) {
			this.problems.typeMismatch(mismatch);
			return null;
		}
		String refusal = checkFiles();
		if (refusal != null) {
			this.problems.error(block, refusal);
			return null;
		}
		return new Tls(BrokerTls.builder()
			.certificateFile(Path.of(this.certificateFile))
			.privateKeyFile(Path.of(this.keyFile))
			.caFile(this.caFile.isEmpty() ? null : Path.of(this.caFile))
			.verifyClients(this.verify)
			.mapClientCertificates(this.map)
			.cipherSuites(this.cipherSuites)
			.pinnedCertificates(this.pinnedCertificates)
			.build(), this.timeout);
	}

	/** Reads one key; returns nats-server's refusal, placed at the value or at the element refused, or {@code null}. */
	private Refusal readEntry(String key, ConfigValue value) {
		Object raw = value.value();
		switch (key.toLowerCase(Locale.ROOT)) {
			case "cert_file", "key_file", "ca_file" -> {
				if (!(raw instanceof String file)) {
					return new Refusal(value,
							"error parsing tls config, expected '" + key.toLowerCase(Locale.ROOT) + "' to be filename");
				}
				switch (key.toLowerCase(Locale.ROOT)) {
					case "cert_file" -> this.certificateFile = file;
					case "key_file" -> this.keyFile = file;
					default -> this.caFile = file;
				}
			}
			case "insecure", "verify", "verify_and_map", "verify_cert_and_check_known_urls" -> {
				String name = key.toLowerCase(Locale.ROOT);
				if (!(raw instanceof Boolean flag)) {
					return new Refusal(value, "error parsing tls config, expected '" + name + "' to be a boolean");
				}
				if (flag && this.routes && !name.equals("verify")) {
					return new Refusal(value, "field " + GoQuote.quote(key) + " is not supported by this broker");
				}
				if (name.equals("verify_cert_and_check_known_urls") && flag) {
					return new Refusal(value, "verify_cert_and_check_known_urls not supported in this context");
				}
				if (name.equals("verify")) {
					this.verify = flag;
				}
				else if (name.equals("verify_and_map")) {
					this.verify |= flag;
					this.map = flag;
				}
			}
			case "cipher_suites" -> {
				List<ConfigValue> names = ConfigValues.list(value);
				if (names.isEmpty()) {
					return new Refusal(value, "error parsing tls config, 'cipher_suites' cannot be empty");
				}
				List<String> suites = new ArrayList<>();
				for (ConfigValue name : names) {
					String suite = ConfigValues.string(name);
					if (!CIPHER_SUITES.contains(suite)) {
						return new Refusal(name, "unrecognized cipher " + suite);
					}
					suites.add(suite.endsWith("_CHACHA20_POLY1305") ? suite + "_SHA256" : suite);
				}
				this.cipherSuites = suites;
			}
			case "curve_preferences" -> {
				List<ConfigValue> names = ConfigValues.list(value);
				if (names.isEmpty()) {
					return new Refusal(value, "error parsing tls config, 'curve_preferences' cannot be empty");
				}
				for (ConfigValue name : names) {
					String curve = ConfigValues.string(name);
					if (!CURVES.contains(curve)) {
						return new Refusal(name, "unrecognized curve preference " + curve);
					}
				}
			}
			case "timeout" -> {
				if (raw instanceof Long seconds) {
					this.timeout = Duration.ofSeconds(seconds);
				}
				else if (raw instanceof Double seconds) {
					this.timeout = Duration.ofNanos((long) (seconds * 1e9));
				}
				else if (raw instanceof String text) {
					try {
						this.timeout = GoDuration.parse(text);
					}
					catch (IllegalArgumentException ex) {
						return new Refusal(value, "error parsing tls config, 'timeout' " + ex.getMessage());
					}
				}
				else {
					return new Refusal(value, "error parsing tls config, 'timeout' wrong type");
				}
			}
			case "pinned_certs" -> {
				if (!(raw instanceof List<?>)) {
					return new Refusal(value, "error parsing tls config, expected 'pinned_certs' to be a list of"
							+ " hex-encoded sha256 of DER encoded SubjectPublicKeyInfo");
				}
				Set<String> pinned = new HashSet<>();
				for (ConfigValue entry : ConfigValues.list(value)) {
					String keyId = ConfigValues.string(entry).toLowerCase(Locale.ROOT);
					if (!keyId.matches("[0-9a-f]{64}")) {
						return new Refusal(entry, "error parsing tls config, 'pinned_certs' key " + keyId
								+ " does not look like hex-encoded sha256 of DER encoded SubjectPublicKeyInfo");
					}
					pinned.add(keyId);
				}
				this.pinnedCertificates = pinned.isEmpty() ? null : pinned;
			}
			case "connection_rate_limit" -> {
				return new Refusal(value, "field " + GoQuote.quote(key) + " is not supported by this broker");
			}
			default -> {
				return new Refusal(value, "error parsing tls config, unknown field [" + GoQuote.quote(key) + "]");
			}
		}
		return null;
	}

	// nats-server loads the pair when it reads the block and reports it there
	private String checkFiles() {
		if (!this.certificateFile.isEmpty() && this.keyFile.isEmpty()) {
			return "missing 'key_file' in TLS configuration";
		}
		if (this.certificateFile.isEmpty()) {
			return "missing 'cert_file' in TLS configuration";
		}
		for (String file : List.of(this.certificateFile, this.keyFile)) {
			if (!Files.exists(Path.of(file))) {
				return "error parsing X509 certificate/key pair: open " + file + ": no such file or directory";
			}
		}
		return null;
	}

	/**
	 * A block's settings.
	 *
	 * @param settings the TLS settings, with the default handshake timeout
	 * @param timeout the block's {@code timeout}, {@code null} when not given
	 */
	record Tls(BrokerTls settings, Duration timeout) {
	}

	private record Refusal(ConfigValue value, String reason) {
	}
}
