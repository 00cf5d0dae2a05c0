package io.github.natsspring.broker.connection;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Set;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * nats-server's pinned certificates: a client certificate is identified by the SHA-256 of its
 * SubjectPublicKeyInfo, written in lower-case hex.
 */
final class PinnedCertificates {

	private PinnedCertificates() {
	}

	/** Whether the session's client certificate is pinned; logs, at debug, why not. */
	static boolean matches(SSLSession session, Set<String> pinned, ConnectionLog log) {
		Certificate[] chain;
		try {
			chain = (session != null) ? session.getPeerCertificates() : null;
		}
		catch (SSLPeerUnverifiedException ex) {
			chain = null;
		}
		if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
			log.debug("Failed pinned cert test as client did not provide a certificate");
			return false;
		}
		String keyId = keyId(certificate);
		if (!pinned.contains(keyId)) {
			log.debug("Failed pinned cert test for key id: " + keyId);
			return false;
		}
		return true;
	}

	/** The key id nats-server pins a certificate by. */
	static String keyId(X509Certificate certificate) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded());
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}
}
