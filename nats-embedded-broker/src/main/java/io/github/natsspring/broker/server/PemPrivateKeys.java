package io.github.natsspring.broker.server;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an unencrypted PEM private key in the forms nats-server's Go TLS reads: PKCS#8
 * ({@code BEGIN PRIVATE KEY}), PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}) and SEC1 EC ({@code BEGIN EC PRIVATE KEY}).
 * The JDK reads PKCS#8 only, so the other two are wrapped into PKCS#8 first.
 */
final class PemPrivateKeys {

	private static final Pattern PEM = Pattern.compile(
			"-----BEGIN (PRIVATE KEY|RSA PRIVATE KEY|EC PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

	/** AlgorithmIdentifier of rsaEncryption with NULL parameters. */
	private static final byte[] RSA_ALGORITHM = { 0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
			(byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00 };

	/** The OID of id-ecPublicKey, DER. */
	private static final byte[] EC_PUBLIC_KEY_OID = { 0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02,
			0x01 };

	private PemPrivateKeys() {
	}

	/**
	 * Reads the first private key in the PEM text.
	 * @param pem the file's content
	 * @return the key
	 * @throws GeneralSecurityException when there is no key the JDK can read
	 */
	static PrivateKey read(String pem) throws GeneralSecurityException {
		Matcher matcher = PEM.matcher(pem);
		if (!matcher.find()) {
			throw new GeneralSecurityException("failed to find any PEM data in key input");
		}
		byte[] der = Base64.getMimeDecoder().decode(matcher.group(2));
		return switch (matcher.group(1)) {
			case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8(RSA_ALGORITHM, der)));
			case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8(ecAlgorithm(der), der)));
			default -> pkcs8Key(der);
		};
	}

	private static PrivateKey pkcs8Key(byte[] der) throws GeneralSecurityException {
		for (String algorithm : new String[] { "RSA", "EC", "Ed25519" }) {
			try {
				return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
			}
			catch (GeneralSecurityException tryNext) {
				// the algorithm is inside the key; try each the server supports
			}
		}
		throw new GeneralSecurityException("unsupported PKCS#8 private key");
	}

	/** PKCS#8 PrivateKeyInfo: version 0, the algorithm, the key as an octet string. */
	private static byte[] pkcs8(byte[] algorithm, byte[] key) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(new byte[] { 0x02, 0x01, 0x00 });
		body.writeBytes(algorithm);
		body.writeBytes(tagged(0x04, key));
		return tagged(0x30, body.toByteArray());
	}

	/** The algorithm of a SEC1 key: id-ecPublicKey with the curve named in the key's [0] parameters. */
	private static byte[] ecAlgorithm(byte[] sec1) throws GeneralSecurityException {
		int[] sequence = header(sec1, 0);
		int position = sequence[1];
		int end = sequence[1] + sequence[2];
		while (position < end) {
			int[] element = header(sec1, position);
			if ((sec1[position] & 0xFF) == 0xA0) {
				int[] oid = header(sec1, element[1]);
				byte[] curve = new byte[oid[1] + oid[2] - element[1]];
				System.arraycopy(sec1, element[1], curve, 0, curve.length);
				ByteArrayOutputStream algorithm = new ByteArrayOutputStream();
				algorithm.writeBytes(EC_PUBLIC_KEY_OID);
				algorithm.writeBytes(curve);
				return tagged(0x30, algorithm.toByteArray());
			}
			position = element[1] + element[2];
		}
		throw new GeneralSecurityException("EC private key without its curve");
	}

	/** Tag position, content start, content length of the DER element at {@code position}. */
	private static int[] header(byte[] der, int position) throws GeneralSecurityException {
		if (position + 1 >= der.length) {
			throw new GeneralSecurityException("truncated private key");
		}
		int first = der[position + 1] & 0xFF;
		if (first < 0x80) {
			return new int[] { position, position + 2, first };
		}
		int octets = first & 0x7F;
		int length = 0;
		for (int i = 0; i < octets; i++) {
			length = (length << 8) | (der[position + 2 + i] & 0xFF);
		}
		return new int[] { position, position + 2 + octets, length };
	}

	private static byte[] tagged(int tag, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(tag);
		int length = content.length;
		if (length < 0x80) {
			out.write(length);
		}
		else if (length < 0x100) {
			out.write(0x81);
			out.write(length);
		}
		else {
			out.write(0x82);
			out.write(length >> 8);
			out.write(length & 0xFF);
		}
		out.writeBytes(content);
		return out.toByteArray();
	}
}
