package io.github.natsspring.broker.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/**
 * A user's public nkey ({@code U...}): NATS's base32 text of a prefix byte, the 32-byte Ed25519 public key and a
 * CRC-16 checksum, verified here with the JDK's Ed25519.
 */
public final class NkeyPublicKey {

	/** The prefix byte of a user's public key, printed as {@code U}. */
	private static final int USER_PREFIX = 20 << 3;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	/** The DER prefix of an Ed25519 SubjectPublicKeyInfo, before the 32 key bytes. */
	private static final byte[] X509_ED25519_PREFIX = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03,
			0x21, 0x00 };

	private final String text;

	private final PublicKey key;

	private NkeyPublicKey(String text, PublicKey key) {
		this.text = text;
		this.key = key;
	}

	/**
	 * Reads a user's public nkey.
	 * @param text the key as configured, {@code U} and 55 more base32 characters
	 * @return the key
	 * @throws IllegalArgumentException when the text is no valid user public key
	 */
	public static NkeyPublicKey of(String text) {
		byte[] raw = decodeBase32(text);
		if (raw == null || raw.length != 35 || (raw[0] & 0xFF) != USER_PREFIX) {
			throw new IllegalArgumentException("not a user public nkey: " + text);
		}
		int checksum = (raw[33] & 0xFF) | ((raw[34] & 0xFF) << 8);
		if (crc16(raw, 33) != checksum) {
			throw new IllegalArgumentException("user public nkey with a bad checksum: " + text);
		}
		byte[] der = Arrays.copyOf(X509_ED25519_PREFIX, X509_ED25519_PREFIX.length + 32);
		System.arraycopy(raw, 1, der, X509_ED25519_PREFIX.length, 32);
		try {
			return new NkeyPublicKey(text, KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not a user public nkey: " + text, ex);
		}
	}

	/**
	 * The key as configured.
	 * @return the {@code U...} text
	 */
	public String text() {
		return this.text;
	}

	/**
	 * Whether the signature is this key's signature of the data.
	 * @param data what was signed
	 * @param signature the Ed25519 signature
	 * @return {@code true} when it verifies
	 */
	public boolean verifies(byte[] data, byte[] signature) {
		try {
			Signature verifier = Signature.getInstance("Ed25519");
			verifier.initVerify(this.key);
			verifier.update(data);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private static byte[] decodeBase32(String text) {
		byte[] out = new byte[text.length() * 5 / 8];
		int buffer = 0;
		int bits = 0;
		int written = 0;
		for (int i = 0; i < text.length(); i++) {
			int value = BASE32.indexOf(text.charAt(i));
			if (value < 0) {
				return null;
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				bits -= 8;
				if (written == out.length) {
					return null;
				}
				out[written++] = (byte) (buffer >> bits);
			}
		}
		return (written == out.length) ? out : null;
	}

	/** NATS's CRC-16 (polynomial 0x1021, initial value 0) of the first bytes. */
	private static int crc16(byte[] bytes, int length) {
		int crc = 0;
		for (int i = 0; i < length; i++) {
			crc ^= (bytes[i] & 0xFF) << 8;
			for (int bit = 0; bit < 8; bit++) {
				crc = ((crc & 0x8000) != 0) ? (crc << 1) ^ 0x1021 : crc << 1;
			}
		}
		return crc & 0xFFFF;
	}

	@Override
	public String toString() {
		return this.text;
	}
}
