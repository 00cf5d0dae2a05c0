package io.github.natsspring.broker.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.natsspring.broker.BrokerTls;
import io.github.natsspring.broker.NatsBrokerException;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;

/**
 * The server side of TLS for client connections, built once at start from {@link BrokerTls}: TLS 1.2 and 1.3 (as
 * nats-server's minimum is 1.2), a client certificate required when verification is on, and one handler per
 * connection, added after INFO went out in plaintext.
 */
final class TlsContext {

	// Go does not let TLS 1.3 suites be configured, and nats-server's cipher_suites leaves them on
	private static final List<String> TLS13_CIPHER_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
			"TLS_CHACHA20_POLY1305_SHA256");

	private final SslContext context;

	private final BrokerTls tls;

	/** A digest of the certificate, key and CA files as read, to tell a reload whether they changed. */
	private final byte[] filesDigest;

	private TlsContext(SslContext context, BrokerTls tls, byte[] filesDigest) {
		this.context = context;
		this.tls = tls;
		this.filesDigest = filesDigest;
	}

	/**
	 * Builds the context.
	 * @param tls the settings
	 * @return the context
	 * @throws NatsBrokerException with nats-server's wording when the certificate, key or CA cannot be read
	 */
	static TlsContext of(BrokerTls tls) {
		try {
			SslContextBuilder builder;
			if (tls.keyManagerFactory() != null) {
				builder = SslContextBuilder.forServer(tls.keyManagerFactory());
			}
			else {
				// the certificate before the key, as Go's LoadX509KeyPair reads them
				X509Certificate[] chain = readCertificates(tls.certificateFile());
				builder = SslContextBuilder.forServer(readKey(tls.privateKeyFile()), chain);
			}
			if (tls.caFile() != null) {
				builder.trustManager(readCertificates(tls.caFile()));
			}
			else if (tls.trustManagerFactory() != null) {
				builder.trustManager(tls.trustManagerFactory());
			}
			if (tls.cipherSuites() != null) {
				List<String> suites = new ArrayList<>(tls.cipherSuites());
				suites.addAll(TLS13_CIPHER_SUITES);
				builder.ciphers(suites, SupportedCipherSuiteFilter.INSTANCE);
			}
			builder.sslProvider(SslProvider.JDK)
				.protocols("TLSv1.3", "TLSv1.2")
				.clientAuth(tls.verifyClients() ? ClientAuth.REQUIRE : ClientAuth.NONE);
			return new TlsContext(builder.build(), tls, digest(tls));
		}
		catch (IOException | GeneralSecurityException | IllegalArgumentException ex) {
			throw new NatsBrokerException("error parsing X509 certificate/key pair: " + describe(ex), ex);
		}
	}

	/** A fresh handler for one connection, timing its handshake out as configured. */
	ChannelHandler newHandler(ByteBufAllocator allocator) {
		SslHandler handler = this.context.newHandler(allocator);
		handler.setHandshakeTimeoutMillis(this.tls.handshakeTimeout().toMillis());
		return handler;
	}

	/** Whether both contexts read files with the same contents. */
	boolean sameFiles(TlsContext other) {
		return MessageDigest.isEqual(this.filesDigest, other.filesDigest);
	}

	private static byte[] digest(BrokerTls tls) throws IOException, GeneralSecurityException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		for (Path file : new Path[] { tls.certificateFile(), tls.privateKeyFile(), tls.caFile() }) {
			if (file != null) {
				digest.update(Files.readAllBytes(file));
			}
			digest.update((byte) 0);
		}
		return digest.digest();
	}

	/** Whether clients must present a certificate: {@code tls_verify} in INFO. */
	boolean verifiesClients() {
		return this.tls.verifyClients();
	}

	static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
		return PemPrivateKeys.read(Files.readString(file, StandardCharsets.US_ASCII));
	}

	static X509Certificate[] readCertificates(Path file) throws IOException, GeneralSecurityException {
		try (InputStream in = Files.newInputStream(file)) {
			Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
				.generateCertificates(in);
			if (certificates.isEmpty()) {
				throw new GeneralSecurityException("failed to find any PEM data in certificate input");
			}
			return certificates.toArray(new X509Certificate[0]);
		}
	}

	static String describe(Exception ex) {
		if (ex instanceof NoSuchFileException missing) {
			return "open " + missing.getFile() + ": no such file or directory";
		}
		return String.valueOf(ex.getMessage());
	}
}
