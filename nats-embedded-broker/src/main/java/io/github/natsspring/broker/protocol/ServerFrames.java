package io.github.natsspring.broker.protocol;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.util.concurrent.FastThreadLocal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the frames a server sends to a client into the buffer a connection accumulates.
 *
 * <p>Subjects, sids and replies come pre-encoded; sizes are written as digits without building
 * Strings; payloads are copied without touching their reader index, so one payload can be written
 * for many subscribers.
 */
public final class ServerFrames {

	private static final byte[] MSG = ascii("MSG ");

	private static final byte[] HMSG = ascii("HMSG ");

	private static final byte[] INFO = ascii("INFO ");

	// nats-server ends INFO with a space before CRLF.
	private static final byte[] INFO_END = ascii(" \r\n");

	private static final byte[] ERR = ascii("-ERR '");

	private static final byte[] ERR_END = ascii("'\r\n");

	private static final byte[] PING = ascii("PING\r\n");

	private static final byte[] PONG = ascii("PONG\r\n");

	private static final byte[] OK = ascii("+OK\r\n");

	private static final byte SPACE = ' ';

	private static final int CRLF = 2;

	/** The array control lines are assembled in; per thread, since publishers write frames on their own. */
	private static final FastThreadLocal<byte[]> LINE = new FastThreadLocal<>() {
		@Override
		protected byte[] initialValue() {
			return new byte[256];
		}
	};

	private static final JsonFactory JSON = JsonFactory.builder().characterEscapes(new GoJsonEscapes()).build();

	private ServerFrames() {
	}

	/**
	 * Writes {@code MSG <subject> <sid> [reply] <size>\r\n<payload>\r\n}.
	 * @param out the connection's outbound buffer
	 * @param subject the subject
	 * @param sid the subscription id
	 * @param replyToOrNull the reply subject, or {@code null}
	 * @param payload the payload, from its reader index; left unchanged
	 */
	public static void writeMsg(ByteBuf out, byte[] subject, byte[] sid, byte[] replyToOrNull, ByteBuf payload) {
		writeMsg(out, subject, sid, replyToOrNull, payload, 0);
	}

	/**
	 * Writes {@code MSG <subject> <sid> [reply] <size>\r\n<payload>\r\n} with the size padded with
	 * leading zeros to {@code sizeDigits}, as nats-server echoes the size a publisher wrote
	 * ({@link ClientProtocolDecoder#sizeDigits()}). A message published with HPUB and delivered as MSG
	 * to a client without headers gets its size recomputed instead (pass 0).
	 * @param out the connection's outbound buffer
	 * @param subject the subject
	 * @param sid the subscription id
	 * @param replyToOrNull the reply subject, or {@code null}
	 * @param payload the payload, from its reader index; left unchanged
	 * @param sizeDigits the least number of digits for the size
	 */
	public static void writeMsg(ByteBuf out, byte[] subject, byte[] sid, byte[] replyToOrNull, ByteBuf payload,
			int sizeDigits) {
		int size = payload.readableBytes();
		int sizeLength = Math.max(digits(size), sizeDigits);
		int lineLength = MSG.length + subject.length + 1 + sid.length
				+ ((replyToOrNull != null) ? replyToOrNull.length + 1 : 0) + sizeLength + CRLF;
		byte[] line = lineBuffer(lineLength);
		int position = put(line, 0, MSG);
		position = putArguments(line, position, subject, sid, replyToOrNull);
		position = putDecimal(line, position, size, sizeLength);
		line[position++] = '\r';
		line[position++] = '\n';
		writeFrame(out, line, position, payload, size);
	}

	/**
	 * Writes {@code HMSG <subject> <sid> [reply] <header size> <total size>\r\n<headers+payload>\r\n}.
	 * @param out the connection's outbound buffer
	 * @param subject the subject
	 * @param sid the subscription id
	 * @param replyToOrNull the reply subject, or {@code null}
	 * @param headerSize how many leading bytes of {@code headersAndPayload} are headers
	 * @param headersAndPayload headers then payload, from its reader index; left unchanged
	 */
	public static void writeHmsg(ByteBuf out, byte[] subject, byte[] sid, byte[] replyToOrNull, int headerSize,
			ByteBuf headersAndPayload) {
		writeHmsg(out, subject, sid, replyToOrNull, headerSize, 0, headersAndPayload, 0);
	}

	/**
	 * Writes {@code HMSG <subject> <sid> [reply] <header size> <total size>\r\n<headers+payload>\r\n}
	 * with both sizes padded with leading zeros to the digits the publisher wrote, as nats-server does
	 * ({@link ClientProtocolDecoder#headerSizeDigits()}, {@link ClientProtocolDecoder#sizeDigits()}).
	 * @param out the connection's outbound buffer
	 * @param subject the subject
	 * @param sid the subscription id
	 * @param replyToOrNull the reply subject, or {@code null}
	 * @param headerSize how many leading bytes of {@code headersAndPayload} are headers
	 * @param headerSizeDigits the least number of digits for the header size
	 * @param headersAndPayload headers then payload, from its reader index; left unchanged
	 * @param sizeDigits the least number of digits for the total size
	 */
	public static void writeHmsg(ByteBuf out, byte[] subject, byte[] sid, byte[] replyToOrNull, int headerSize,
			int headerSizeDigits, ByteBuf headersAndPayload, int sizeDigits) {
		int size = headersAndPayload.readableBytes();
		int headerSizeLength = Math.max(digits(headerSize), headerSizeDigits);
		int sizeLength = Math.max(digits(size), sizeDigits);
		int lineLength = HMSG.length + subject.length + 1 + sid.length
				+ ((replyToOrNull != null) ? replyToOrNull.length + 1 : 0) + headerSizeLength + 1 + sizeLength
				+ CRLF;
		byte[] line = lineBuffer(lineLength);
		int position = put(line, 0, HMSG);
		position = putArguments(line, position, subject, sid, replyToOrNull);
		position = putDecimal(line, position, headerSize, headerSizeLength);
		line[position++] = SPACE;
		position = putDecimal(line, position, size, sizeLength);
		line[position++] = '\r';
		line[position++] = '\n';
		writeFrame(out, line, position, headersAndPayload, size);
	}

	/** The control line is assembled in a per-thread array and written in one go: three buffer writes a frame. */
	private static void writeFrame(ByteBuf out, byte[] line, int lineLength, ByteBuf content, int size) {
		out.ensureWritable(lineLength + size + CRLF);
		out.writeBytes(line, 0, lineLength);
		out.writeBytes(content, content.readerIndex(), size);
		writeCrlf(out);
	}

	private static byte[] lineBuffer(int length) {
		byte[] line = LINE.get();
		if (line.length < length) {
			line = new byte[Math.max(length, line.length * 2)];
			LINE.set(line);
		}
		return line;
	}

	private static int putArguments(byte[] line, int position, byte[] subject, byte[] sid, byte[] replyToOrNull) {
		int at = put(line, position, subject);
		line[at++] = SPACE;
		at = put(line, at, sid);
		line[at++] = SPACE;
		if (replyToOrNull != null) {
			at = put(line, at, replyToOrNull);
			line[at++] = SPACE;
		}
		return at;
	}

	private static int put(byte[] line, int position, byte[] bytes) {
		System.arraycopy(bytes, 0, line, position, bytes.length);
		return position + bytes.length;
	}

	/** Puts a non-negative int as exactly {@code length} decimal digits. */
	private static int putDecimal(byte[] line, int position, int value, int length) {
		int remaining = value;
		for (int i = position + length - 1; i >= position; i--) {
			line[i] = (byte) ('0' + remaining % 10);
			remaining /= 10;
		}
		return position + length;
	}

	/**
	 * Writes {@code INFO {...} \r\n} with nats-server's field order, omissions and escaping.
	 * @param out the connection's outbound buffer
	 * @param info what to announce
	 */
	public static void writeInfo(ByteBuf out, ServerInfo info) {
		out.writeBytes(INFO);
		try (JsonGenerator json = JSON.createGenerator(ObjectWriteContext.empty(), (OutputStream) new ByteBufOutputStream(out))) {
			json.writeStartObject();
			json.writeStringProperty("server_id", info.serverId());
			json.writeStringProperty("server_name", info.serverName());
			json.writeStringProperty("version", info.version());
			json.writeNumberProperty("proto", info.proto());
			if (info.go() != null) {
				json.writeStringProperty("go", info.go());
			}
			json.writeStringProperty("host", info.host());
			json.writeNumberProperty("port", info.port());
			json.writeBooleanProperty("headers", info.headers());
			writeIfTrue(json, "auth_required", info.authRequired());
			writeIfTrue(json, "tls_required", info.tlsRequired());
			writeIfTrue(json, "tls_verify", info.tlsVerify());
			writeIfTrue(json, "tls_available", info.tlsAvailable());
			json.writeNumberProperty("max_payload", info.maxPayload());
			writeIfTrue(json, "jetstream", info.jetstream());
			if (info.clientId() != 0) {
				json.writeNumberProperty("client_id", info.clientId());
			}
			writeIfPresent(json, "client_ip", info.clientIp());
			writeIfPresent(json, "nonce", info.nonce());
			writeIfPresent(json, "cluster", info.cluster());
			if (info.connectUrls() != null && !info.connectUrls().isEmpty()) {
				json.writeArrayPropertyStart("connect_urls");
				for (String url : info.connectUrls()) {
					json.writeString(url);
				}
				json.writeEndArray();
			}
			writeIfTrue(json, "ldm", info.ldm());
			json.writeEndObject();
		}
		out.writeBytes(INFO_END);
	}

	/**
	 * Writes {@code -ERR '<text>'\r\n}.
	 * @param out the connection's outbound buffer
	 * @param text the error text, e.g. {@link ProtocolViolation#errText()}
	 */
	public static void writeErr(ByteBuf out, String text) {
		out.writeBytes(ERR);
		out.writeCharSequence(text, StandardCharsets.UTF_8);
		out.writeBytes(ERR_END);
	}

	/**
	 * Writes {@code PING\r\n}.
	 * @param out the connection's outbound buffer
	 */
	public static void writePing(ByteBuf out) {
		out.writeBytes(PING);
	}

	/**
	 * Writes {@code PONG\r\n}.
	 * @param out the connection's outbound buffer
	 */
	public static void writePong(ByteBuf out) {
		out.writeBytes(PONG);
	}

	/**
	 * Writes {@code +OK\r\n}.
	 * @param out the connection's outbound buffer
	 */
	public static void writeOk(ByteBuf out) {
		out.writeBytes(OK);
	}

	private static void writeIfTrue(JsonGenerator json, String name, boolean value) {
		if (value) {
			json.writeBooleanProperty(name, true);
		}
	}

	private static void writeIfPresent(JsonGenerator json, String name, String value) {
		if (value != null && !value.isEmpty()) {
			json.writeStringProperty(name, value);
		}
	}

	private static void writeCrlf(ByteBuf out) {
		out.writeShort(('\r' << 8) | '\n');
	}

	private static int digits(int value) {
		int count = 1;
		for (int rest = value; rest >= 10; rest /= 10) {
			count++;
		}
		return count;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}
}
