package io.github.natsspring.broker.protocol;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Seeded random and mutated input: the decoder either reports operations or raises
 * {@link ProtocolViolation} (never another exception), always terminates, consumes every byte, and
 * reports the same thing however the input is split into reads.
 */
class ClientProtocolDecoderFuzzTests {

	private static final String[] VALID = { "CONNECT {\"verbose\":false,\"headers\":true}\r\n", "PING\r\n", "PONG\r\n",
			"PUB foo 5\r\nhello\r\n", "PUB foo bar 0\r\n\r\n", "HPUB foo 12 14\r\nNATS/1.0\r\n\r\nhi\r\n",
			"SUB foo 1\r\n", "SUB foo q 2\r\n", "UNSUB 1\r\n", "UNSUB 1 5\r\n", "+OK\r\n", "INFO {}\r\n",
			"PUB foo 11\r\nhello\r\nPING\r\n", "-ERR 'x'\r\n" };

	private static final byte[] ALPHABET = "PUBSHINGOCTERKMX+- \t\r\n0123456789{}\":,abc".getBytes(StandardCharsets.US_ASCII);

	@Test
	void mutatedValidStreamsNeverEscapeAsOtherExceptionsAndDoNotDependOnSplits() {
		Random random = new Random(20261127L);
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			for (int round = 0; round < 3000; round++) {
				checkSplitIndependence(mutate(validStream(random), random), random);
			}
		});
	}

	@Test
	void randomBytesFromTheProtocolAlphabetNeverEscapeAsOtherExceptions() {
		Random random = new Random(42L);
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			for (int round = 0; round < 3000; round++) {
				byte[] input = new byte[1 + random.nextInt(200)];
				for (int i = 0; i < input.length; i++) {
					input[i] = ALPHABET[random.nextInt(ALPHABET.length)];
				}
				checkSplitIndependence(input, random);
			}
		});
	}

	@Test
	void arbitraryBytesNeverEscapeAsOtherExceptions() {
		Random random = new Random(7L);
		assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
			for (int round = 0; round < 2000; round++) {
				byte[] input = new byte[1 + random.nextInt(300)];
				random.nextBytes(input);
				checkSplitIndependence(input, random);
			}
		});
	}

	@Test
	void validStreamsAreFullyReportedWhateverTheSplit() {
		Random random = new Random(99L);
		for (int round = 0; round < 300; round++) {
			byte[] input = validStream(random);
			List<String> whole = DecoderRun.chunks(input, input.length);
			assertThat(whole).noneMatch((event) -> event.startsWith("VIOLATION"));
			checkSplitIndependence(input, random);
		}
	}

	private static void checkSplitIndependence(byte[] input, Random random) {
		List<String> whole = DecoderRun.chunks(input, input.length);
		List<String> oneByOne = DecoderRun.chunks(input, 1);
		assertThat(oneByOne).as("one byte at a time: %s", printable(input)).isEqualTo(whole);
		List<byte[]> chunks = new ArrayList<>();
		for (int start = 0; start < input.length;) {
			int end = Math.min(input.length, start + 1 + random.nextInt(16));
			byte[] chunk = new byte[end - start];
			System.arraycopy(input, start, chunk, 0, chunk.length);
			chunks.add(chunk);
			start = end;
		}
		assertThat(DecoderRun.feed(new ClientProtocolDecoder(DecoderRun.MAX_CONTROL_LINE, DecoderRun.MAX_PAYLOAD), chunks))
			.as("random chunks: %s", printable(input))
			.isEqualTo(whole);
	}

	private static byte[] validStream(Random random) {
		StringBuilder stream = new StringBuilder(VALID[0]);
		int count = 1 + random.nextInt(8);
		for (int i = 0; i < count; i++) {
			stream.append(VALID[random.nextInt(VALID.length)]);
		}
		return stream.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static byte[] mutate(byte[] input, Random random) {
		byte[] output = input.clone();
		int mutations = 1 + random.nextInt(3);
		for (int i = 0; i < mutations; i++) {
			int at = random.nextInt(output.length);
			switch (random.nextInt(3)) {
				case 0 -> output[at] = ALPHABET[random.nextInt(ALPHABET.length)];
				case 1 -> output[at] = (byte) random.nextInt(256);
				default -> {
					byte[] shorter = new byte[at];
					System.arraycopy(output, 0, shorter, 0, at);
					output = (shorter.length > 0) ? shorter : output;
				}
			}
		}
		return output;
	}

	private static String printable(byte[] input) {
		return new String(input, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
	}
}
