package io.github.natsspring.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS on the client port, as nats-server does it: INFO goes out in plaintext with {@code tls_required}, then the
 * client starts a TLS handshake on the same socket; a client that does not is closed. The server's certificate
 * and key come from PEM files (nats-server's {@code cert_file}, {@code key_file}) or from a key manager (a Spring
 * Boot SSL bundle); client certificates are checked against a CA file ({@code ca_file}) or a trust manager when
 * {@code verify} is on. Immutable; build one with {@link #builder()}.
 */
public final class BrokerTls {

	/** nats-server's TLS handshake timeout. */
	public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(2);

	private final Path certificateFile;

	private final Path privateKeyFile;

	private final Path caFile;

	private final KeyManagerFactory keyManagerFactory;

	private final TrustManagerFactory trustManagerFactory;

	private final boolean verifyClients;

	private final boolean mapClientCertificates;

	private final Duration handshakeTimeout;

	private final List<String> cipherSuites;

	private final Set<String> pinnedCertificates;

	private BrokerTls(Builder builder) {
		this.cipherSuites = (builder.cipherSuites != null) ? List.copyOf(builder.cipherSuites) : null;
		this.pinnedCertificates = (builder.pinnedCertificates != null) ? pinned(builder.pinnedCertificates) : null;
		this.certificateFile = builder.certificateFile;
		this.privateKeyFile = builder.privateKeyFile;
		this.caFile = builder.caFile;
		this.keyManagerFactory = builder.keyManagerFactory;
		this.trustManagerFactory = builder.trustManagerFactory;
		this.mapClientCertificates = builder.mapClientCertificates;
		this.verifyClients = builder.verifyClients || builder.mapClientCertificates;
		this.handshakeTimeout = Objects.requireNonNull(builder.handshakeTimeout, "handshakeTimeout");
		boolean files = this.certificateFile != null || this.privateKeyFile != null;
		if (files == (this.keyManagerFactory != null)) {
			throw new IllegalArgumentException(
					"TLS needs either a certificate and key file or a key manager factory, and not both");
		}
		if (files && (this.certificateFile == null || this.privateKeyFile == null)) {
			throw new IllegalArgumentException((this.certificateFile == null)
					? "TLS Server certificate must be present and valid" : "TLS Server private key must be present and valid");
		}
		if (this.caFile != null && this.trustManagerFactory != null) {
			throw new IllegalArgumentException("TLS takes either a CA file or a trust manager factory, not both");
		}
		if (this.handshakeTimeout.isNegative() || this.handshakeTimeout.isZero()) {
			throw new IllegalArgumentException("handshakeTimeout must be positive, was " + this.handshakeTimeout);
		}
	}

	/**
	 * A builder holding these settings, to derive changed copies.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder().certificateFile(this.certificateFile)
			.privateKeyFile(this.privateKeyFile)
			.caFile(this.caFile)
			.keyManagerFactory(this.keyManagerFactory)
			.trustManagerFactory(this.trustManagerFactory)
			.verifyClients(this.verifyClients)
			.mapClientCertificates(this.mapClientCertificates)
			.handshakeTimeout(this.handshakeTimeout)
			.cipherSuites(this.cipherSuites)
			.pinnedCertificates(this.pinnedCertificates);
	}

	private static Set<String> pinned(Set<String> keyIds) {
		Set<String> normalized = new HashSet<>();
		for (String keyId : keyIds) {
			String lower = keyId.toLowerCase(Locale.ROOT);
			if (!lower.matches("[0-9a-f]{64}")) {
				throw new IllegalArgumentException("pinned certificate " + keyId
						+ " does not look like hex-encoded sha256 of DER encoded SubjectPublicKeyInfo");
			}
			normalized.add(lower);
		}
		return Set.copyOf(normalized);
	}

	/**
	 * A builder, verifying no client certificates and timing the handshake out after 2 s.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The server's certificate chain, PEM.
	 * @return the file, or {@code null} when a key manager factory is used
	 */
	public Path certificateFile() {
		return this.certificateFile;
	}

	/**
	 * The server's private key, PEM (PKCS#8, or PKCS#1 RSA, or SEC1 EC).
	 * @return the file, or {@code null} when a key manager factory is used
	 */
	public Path privateKeyFile() {
		return this.privateKeyFile;
	}

	/**
	 * The certificates client certificates must chain to, PEM.
	 * @return the file, or {@code null} for the JDK's default trust (or a trust manager factory)
	 */
	public Path caFile() {
		return this.caFile;
	}

	/**
	 * The server's key and certificate, from a key store or an SSL bundle.
	 * @return the factory, or {@code null} when files are used
	 */
	public KeyManagerFactory keyManagerFactory() {
		return this.keyManagerFactory;
	}

	/**
	 * The trust for client certificates, from a trust store or an SSL bundle.
	 * @return the factory, or {@code null}
	 */
	public TrustManagerFactory trustManagerFactory() {
		return this.trustManagerFactory;
	}

	/**
	 * Whether clients must present a certificate the CA trusts ({@code verify}, {@code --tlsverify}).
	 * @return {@code true} for mutual TLS
	 */
	public boolean verifyClients() {
		return this.verifyClients;
	}

	/**
	 * Whether the client's identity comes from its certificate ({@code verify_and_map}): its e-mail, DNS and URI
	 * names, then its subject DN, are looked up among the configured users, whose permissions then apply.
	 * @return {@code true} to map certificates to users (client certificates are then verified too)
	 */
	public boolean mapClientCertificates() {
		return this.mapClientCertificates;
	}

	/**
	 * How long a client has to complete the TLS handshake ({@code timeout}).
	 * @return the timeout
	 */
	public Duration handshakeTimeout() {
		return this.handshakeTimeout;
	}

	/**
	 * The cipher suites offered for TLS 1.2, by their standard names; TLS 1.3 keeps its own, as in nats-server.
	 * @return the suites, or {@code null} for the JDK's defaults
	 */
	public List<String> cipherSuites() {
		return this.cipherSuites;
	}

	/**
	 * nats-server's {@code pinned_certs}: the client certificates accepted, by the SHA-256 of their
	 * SubjectPublicKeyInfo; a client presenting another one is closed after the handshake.
	 * @return lower-case hex key ids, or {@code null} for no pinning
	 */
	public Set<String> pinnedCertificates() {
		return this.pinnedCertificates;
	}

	@Override
	public String toString() {
		return "BrokerTls[certificateFile=" + this.certificateFile + ", privateKeyFile=" + this.privateKeyFile
				+ ", caFile=" + this.caFile + ", keyManagerFactory=" + (this.keyManagerFactory != null)
				+ ", trustManagerFactory=" + (this.trustManagerFactory != null) + ", verifyClients="
				+ this.verifyClients + ", mapClientCertificates=" + this.mapClientCertificates + ", handshakeTimeout="
				+ this.handshakeTimeout + "]";
	}

	/** Builder of {@link BrokerTls}. */
	public static final class Builder {

		private Path certificateFile;

		private Path privateKeyFile;

		private Path caFile;

		private KeyManagerFactory keyManagerFactory;

		private TrustManagerFactory trustManagerFactory;

		private boolean verifyClients;

		private boolean mapClientCertificates;

		private Duration handshakeTimeout = DEFAULT_HANDSHAKE_TIMEOUT;

		private List<String> cipherSuites;

		private Set<String> pinnedCertificates;

		private Builder() {
		}

		/**
		 * Sets the server's certificate chain file, PEM ({@code cert_file}, {@code --tlscert}).
		 * @param certificateFile the file
		 * @return this builder
		 */
		public Builder certificateFile(Path certificateFile) {
			this.certificateFile = certificateFile;
			return this;
		}

		/**
		 * Sets the server's private key file, PEM ({@code key_file}, {@code --tlskey}).
		 * @param privateKeyFile the file
		 * @return this builder
		 */
		public Builder privateKeyFile(Path privateKeyFile) {
			this.privateKeyFile = privateKeyFile;
			return this;
		}

		/**
		 * Sets the CA certificates for client certificates, PEM ({@code ca_file}, {@code --tlscacert}).
		 * @param caFile the file
		 * @return this builder
		 */
		public Builder caFile(Path caFile) {
			this.caFile = caFile;
			return this;
		}

		/**
		 * Sets the server's key material from a key manager factory, instead of files.
		 * @param keyManagerFactory the factory, initialised
		 * @return this builder
		 */
		public Builder keyManagerFactory(KeyManagerFactory keyManagerFactory) {
			this.keyManagerFactory = keyManagerFactory;
			return this;
		}

		/**
		 * Sets the trust for client certificates from a trust manager factory, instead of a CA file.
		 * @param trustManagerFactory the factory, initialised
		 * @return this builder
		 */
		public Builder trustManagerFactory(TrustManagerFactory trustManagerFactory) {
			this.trustManagerFactory = trustManagerFactory;
			return this;
		}

		/**
		 * Requires clients to present a trusted certificate ({@code verify}, {@code --tlsverify}).
		 * @param verifyClients whether to verify client certificates
		 * @return this builder
		 */
		public Builder verifyClients(boolean verifyClients) {
			this.verifyClients = verifyClients;
			return this;
		}

		/**
		 * Takes each client's identity from its verified certificate ({@code verify_and_map}); implies
		 * {@link #verifyClients(boolean)}.
		 * @param mapClientCertificates whether to map certificates to users
		 * @return this builder
		 */
		public Builder mapClientCertificates(boolean mapClientCertificates) {
			this.mapClientCertificates = mapClientCertificates;
			return this;
		}

		/**
		 * Sets how long a client has to complete the handshake (default 2 s).
		 * @param handshakeTimeout the timeout
		 * @return this builder
		 */
		public Builder handshakeTimeout(Duration handshakeTimeout) {
			this.handshakeTimeout = handshakeTimeout;
			return this;
		}

		/**
		 * Restricts the TLS 1.2 cipher suites (default: the JDK's); TLS 1.3 suites stay enabled.
		 * @param cipherSuites standard suite names, e.g. {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}, or
		 * {@code null} for the defaults
		 * @return this builder
		 */
		public Builder cipherSuites(List<String> cipherSuites) {
			this.cipherSuites = cipherSuites;
			return this;
		}

		/**
		 * Accepts only client certificates with these keys (default: any certificate the CA trusts).
		 * @param pinnedCertificates hex SHA-256 digests of the certificates' SubjectPublicKeyInfo, or {@code null}
		 * @return this builder
		 */
		public Builder pinnedCertificates(Set<String> pinnedCertificates) {
			this.pinnedCertificates = pinnedCertificates;
			return this;
		}

		/**
		 * Builds the TLS settings.
		 * @return the settings
		 * @throws IllegalArgumentException when neither files nor a key manager are given, or both
		 */
		public BrokerTls build() {
			return new BrokerTls(this);
		}
	}
}
