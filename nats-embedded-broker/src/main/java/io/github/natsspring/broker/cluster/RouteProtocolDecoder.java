package io.github.natsspring.broker.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.github.natsspring.broker.protocol.ProtocolViolation;
import io.github.natsspring.broker.protocol.WireText;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Decodes route protocol 2 as nats-server 2.9.10 speaks it between servers: {@code CONNECT}, {@code INFO},
 * {@code PING}, {@code PONG}, {@code -ERR}, {@code +OK}, {@code RS+}, {@code RS-}, {@code RMSG} and
 * {@code HMSG}, operation names in any case.
 * <p>
 * One instance per route. {@link #decode} consumes every readable byte it is given; a control line or payload
 * split across reads is kept here (the line copied, bounded; the payload in a buffer from the input's
 * allocator), so the caller may release its buffer after each call. A payload that lies whole in the input is
 * handed over in place, and repeated subjects, accounts and queue names come back as the same Strings, so an
 * unchanging stream of messages allocates nothing but reply subjects. Not thread-safe.
 */
final class RouteProtocolDecoder {

	/** Route INFO grows with the cluster's client URLs; this only bounds memory. */
	static final int MAX_CONTROL_LINE = 1024 * 1024;

	private static final int MAX_ARGUMENTS = 64;

	private static final byte[] PLUS = { '+' };

	private static final byte[] PIPE = { '|' };

	private enum State {

		LINE, PAYLOAD, DONE

	}

	private enum Op {

		PING("PING"), PONG("PONG"), OK("+OK"), INFO("INFO"), CONNECT("CONNECT"), ERR("-ERR"), SUB("RS+"),
		UNSUB("RS-"), RMSG("RMSG"), HMSG("HMSG"), UNKNOWN("");

		private static final Op[] KNOWN = { RMSG, HMSG, SUB, UNSUB, PING, PONG, INFO, CONNECT, ERR, OK };

		private final byte[] name;

		Op(String name) {
			this.name = name.getBytes(StandardCharsets.US_ASCII);
		}

		/** The operation named by {@code line[start, end)} in any case, without allocating. */
		static Op of(byte[] line, int start, int end) {
			for (Op op : KNOWN) {
				if (op.name.length == end - start && op.matches(line, start)) {
					return op;
				}
			}
			return UNKNOWN;
		}

		private boolean matches(byte[] line, int start) {
			for (int i = 0; i < this.name.length; i++) {
				byte b = line[start + i];
				if (b >= 'a' && b <= 'z') {
					b -= 'a' - 'A';
				}
				if (b != this.name[i]) {
					return false;
				}
			}
			return true;
		}
	}

	private final int maxPayload;

	private State state = State.LINE;

	private byte[] line = new byte[256];

	private int lineLength;

	private final int[] starts = new int[MAX_ARGUMENTS];

	private final int[] ends = new int[MAX_ARGUMENTS];

	private final RecentText[] recentTexts = new RecentText[MAX_ARGUMENTS];

	private final String[] queues = new String[MAX_ARGUMENTS];

	private String pendingAccount;

	private String pendingSubject;

	private String pendingReply;

	private int pendingQueueCount;

	private int pendingHeaderSize;

	private int pendingSize;

	private ByteBuf pendingPayload;

	private boolean paused;

	/**
	 * Creates the decoder of one route.
	 * @param maxPayload the largest message accepted, in bytes
	 */
	RouteProtocolDecoder(int maxPayload) {
		this.maxPayload = maxPayload;
		for (int i = 0; i < MAX_ARGUMENTS; i++) {
			this.recentTexts[i] = new RecentText();
		}
	}

	/**
	 * Consumes the readable bytes of {@code in}, unless {@linkplain #pause() paused}, reporting each complete
	 * operation.
	 * @param in the bytes read; its reader index is moved past what was consumed
	 * @param handler receives the operations
	 * @throws ProtocolViolation when the input breaks the protocol; nothing more is decoded after it
	 */
	void decode(ByteBuf in, RouteOpHandler handler) throws ProtocolViolation {
		int index = in.readerIndex();
		int end = in.writerIndex();
		this.paused = false;
		try {
			while (index < end && !this.paused && this.state != State.DONE) {
				index = (this.state == State.LINE) ? readLine(in, index, end, handler) : readPayload(in, index, end,
						handler);
			}
		}
		catch (ProtocolViolation | RuntimeException ex) {
			release();
			index = end;
			throw ex;
		}
		finally {
			in.readerIndex(index);
		}
	}

	/** Stops the {@link #decode} call in progress after the operation being reported. */
	void pause() {
		this.paused = true;
	}

	/** Frees a partial payload; later input is ignored. */
	void release() {
		this.state = State.DONE;
		if (this.pendingPayload != null) {
			this.pendingPayload.release();
			this.pendingPayload = null;
		}
	}

	private int readLine(ByteBuf in, int index, int end, RouteOpHandler handler) throws ProtocolViolation {
		int lf = in.indexOf(index, end, (byte) '\n');
		int to = (lf < 0) ? end : lf;
		append(in, index, to);
		if (lf < 0) {
			return end;
		}
		int length = this.lineLength;
		if (length > 0 && this.line[length - 1] == '\r') {
			length--;
		}
		this.lineLength = 0;
		processLine(length, handler);
		return lf + 1;
	}

	private void append(ByteBuf in, int from, int to) throws ProtocolViolation {
		int total = this.lineLength + (to - from);
		if (total > MAX_CONTROL_LINE) {
			throw new ProtocolViolation(ProtocolViolation.Kind.MAX_CONTROL_LINE, "route control line too long");
		}
		if (total > this.line.length) {
			this.line = Arrays.copyOf(this.line, Math.max(total, this.line.length * 2));
		}
		in.getBytes(from, this.line, this.lineLength, to - from);
		this.lineLength = total;
	}

	private void processLine(int length, RouteOpHandler handler) throws ProtocolViolation {
		int nameStart = 0;
		while (nameStart < length && isBlank(this.line[nameStart])) {
			nameStart++;
		}
		int nameEnd = nameStart;
		while (nameEnd < length && !isBlank(this.line[nameEnd])) {
			nameEnd++;
		}
		switch (Op.of(this.line, nameStart, nameEnd)) {
			case PING -> handler.onPing();
			case PONG -> handler.onPong();
			case OK -> {
				// acknowledgements carry nothing for a route
			}
			case INFO -> handler.onInfo(rest(nameEnd, length));
			case CONNECT -> handler.onConnect(rest(nameEnd, length));
			case ERR -> handler.onErr(rest(nameEnd, length));
			case SUB -> sub(split(length), handler);
			case UNSUB -> unsub(split(length), handler);
			case RMSG -> startMessage(split(length), false);
			case HMSG -> startMessage(split(length), true);
			default -> throw unknown("unknown route operation");
		}
	}

	/** Splits the line on spaces and tabs; returns the number of tokens, the operation name first. */
	private int split(int length) throws ProtocolViolation {
		int count = 0;
		int tokenStart = -1;
		byte[] bytes = this.line;
		for (int i = 0; i <= length; i++) {
			if (i == length || isBlank(bytes[i])) {
				if (tokenStart >= 0) {
					if (count == MAX_ARGUMENTS) {
						throw unknown("too many arguments");
					}
					this.starts[count] = tokenStart;
					this.ends[count] = i;
					count++;
					tokenStart = -1;
				}
			}
			else if (tokenStart < 0) {
				tokenStart = i;
			}
		}
		return count;
	}

	/** The text after the operation name and the blanks that follow it. */
	private String rest(int nameEnd, int length) {
		int from = nameEnd;
		while (from < length && isBlank(this.line[from])) {
			from++;
		}
		return new String(this.line, from, length - from, StandardCharsets.UTF_8);
	}

	private static boolean isBlank(byte b) {
		return b == ' ' || b == '\t';
	}

	private void sub(int count, RouteOpHandler handler) throws ProtocolViolation {
		if (count < 3 || count > 5) {
			throw unknown("RS+ needs 2 to 4 arguments");
		}
		String queue = (count >= 4) ? text(3) : null;
		int weight = 1;
		if (count == 5) {
			weight = number(4);
			if (weight < 0) {
				throw unknown("RS+ has a bad weight");
			}
		}
		handler.onSub(text(1), text(2), queue, weight);
	}

	private void unsub(int count, RouteOpHandler handler) throws ProtocolViolation {
		if (count != 3 && count != 4) {
			throw unknown("RS- needs 2 or 3 arguments");
		}
		handler.onUnsub(text(1), text(2), (count == 4) ? text(3) : null);
	}

	private void startMessage(int count, boolean headers) throws ProtocolViolation {
		int sizes = headers ? 2 : 1;
		int args = count - 1 - sizes;
		if (args < 2) {
			throw unknown("RMSG/HMSG needs an account, a subject and sizes");
		}
		String reply = null;
		int queueFrom = 0;
		int queueTo = 0;
		if (args == 3) {
			reply = new String(this.line, this.starts[3], this.ends[3] - this.starts[3], WireText.CHARSET);
		}
		else if (args > 3) {
			if (is(3, PLUS)) {
				reply = new String(this.line, this.starts[4], this.ends[4] - this.starts[4], WireText.CHARSET);
				queueFrom = 5;
			}
			else if (is(3, PIPE)) {
				queueFrom = 4;
			}
			else {
				throw unknown("RMSG/HMSG with too many arguments");
			}
			queueTo = count - sizes;
		}
		int queueCount = Math.max(0, queueTo - queueFrom);
		for (int q = 0; q < queueCount; q++) {
			this.queues[q] = text(queueFrom + q);
		}
		int size = number(count - 1);
		int headerSize = headers ? number(count - 2) : -1;
		if (size < 0 || (headers && (headerSize < 0 || headerSize > size))) {
			throw unknown("RMSG/HMSG has a bad size");
		}
		if (size > this.maxPayload) {
			throw new ProtocolViolation(ProtocolViolation.Kind.MAX_PAYLOAD, "routed message of " + size + " bytes");
		}
		this.pendingAccount = text(1);
		this.pendingSubject = text(2);
		this.pendingReply = reply;
		this.pendingQueueCount = queueCount;
		this.pendingHeaderSize = headerSize;
		this.pendingSize = size;
		this.state = State.PAYLOAD;
	}

	private int readPayload(ByteBuf in, int index, int end, RouteOpHandler handler) throws ProtocolViolation {
		int size = this.pendingSize;
		if (this.pendingPayload == null) {
			if (end - index >= size + 2) {
				checkTrailer(in.getByte(index + size), in.getByte(index + size + 1));
				int readerIndex = in.readerIndex();
				int writerIndex = in.writerIndex();
				in.setIndex(index, index + size);
				try {
					deliver(handler, in);
				}
				finally {
					in.setIndex(readerIndex, writerIndex);
				}
				return index + size + 2;
			}
			this.pendingPayload = in.alloc().buffer(size + 2, size + 2);
		}
		int copied = Math.min(end - index, size + 2 - this.pendingPayload.writerIndex());
		this.pendingPayload.writeBytes(in, index, copied);
		if (this.pendingPayload.writerIndex() == size + 2) {
			ByteBuf payload = this.pendingPayload;
			this.pendingPayload = null;
			try {
				checkTrailer(payload.getByte(size), payload.getByte(size + 1));
				payload.writerIndex(size);
				deliver(handler, payload);
			}
			finally {
				payload.release();
			}
		}
		return index + copied;
	}

	private void deliver(RouteOpHandler handler, ByteBuf content) {
		this.state = State.LINE;
		handler.onMsg(this.pendingAccount, this.pendingSubject, this.pendingReply, this.queues,
				this.pendingQueueCount, this.pendingHeaderSize, content);
		this.pendingReply = null;
	}

	private void checkTrailer(byte cr, byte lf) throws ProtocolViolation {
		if (cr != '\r' || lf != '\n') {
			throw unknown("message not followed by CRLF");
		}
	}

	private boolean is(int index, byte[] expected) {
		return Arrays.equals(this.line, this.starts[index], this.ends[index], expected, 0, expected.length);
	}

	private String text(int index) {
		return this.recentTexts[index].of(this.line, this.starts[index], this.ends[index] - this.starts[index]);
	}

	/** A size or weight: 1 to 9 decimal digits, else -1. */
	private int number(int index) {
		int length = this.ends[index] - this.starts[index];
		if (length == 0 || length > 9) {
			return -1;
		}
		int value = 0;
		for (int i = this.starts[index]; i < this.ends[index]; i++) {
			int digit = this.line[i] - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	private static ProtocolViolation unknown(String detail) {
		return new ProtocolViolation(ProtocolViolation.Kind.UNKNOWN_OPERATION, detail);
	}

	/** The String of the last bytes seen at one argument position, returned again while the bytes repeat. */
	private static final class RecentText {

		private byte[] bytes = new byte[0];

		private String text = "";

		String of(byte[] line, int start, int length) {
			if (length != this.bytes.length || !Arrays.equals(this.bytes, 0, length, line, start, start + length)) {
				this.bytes = Arrays.copyOfRange(line, start, start + length);
				this.text = new String(this.bytes, WireText.CHARSET);
			}
			return this.text;
		}
	}
}
