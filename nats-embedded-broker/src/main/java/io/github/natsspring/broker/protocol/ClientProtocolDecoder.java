package io.github.natsspring.broker.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * Decodes the client side of the NATS protocol, byte for byte as nats-server 2.9.10 parses it.
 *
 * <p>One instance per connection. {@link #decode} consumes every readable byte of the buffer it is
 * given: complete operations are reported to the {@link ClientOpHandler}, and the state of an
 * operation split across reads is kept here (a partial argument line is copied, bounded by the
 * maximum control line; a partial payload is copied into a buffer from the input's allocator), so
 * the caller may release its buffer after each call. Call {@link #release()} when the connection
 * closes.
 *
 * <p>Rules followed, as nats-server applies them:
 * <ul>
 * <li>operation names are case-insensitive and checked byte by byte: the first byte that no
 * operation can continue with is an {@link ProtocolViolation.Kind#UNKNOWN_OPERATION}, even before
 * the line ends (leading white space and empty lines included);</li>
 * <li>PING, PONG and +OK ignore anything between their name and the line feed;</li>
 * <li>PUB, HPUB, SUB, UNSUB and -ERR need a space or tab after their name, CONNECT and INFO do not;
 * any run of spaces and tabs separates arguments;</li>
 * <li>a line ends at a line feed; when a carriage return occurs in the argument, the byte before the
 * line feed is dropped (for a proper {@code \r\n} that is the carriage return);</li>
 * <li>argument lines longer than the maximum control line are refused as soon as the bytes received
 * exceed it; operation names and the white space after them do not count;</li>
 * <li>sizes are 1 to 9 decimal digits; the payload must be followed by exactly {@code \r\n}.</li>
 * </ul>
 */
public final class ClientProtocolDecoder {

	private static final byte CR = '\r';

	private static final byte LF = '\n';

	private static final int MAX_SIZE_DIGITS = 9;

	private static final int INITIAL_LINE_CAPACITY = 256;

	private enum State {

		OP_START, OP_NAME, OP_REST_OF_LINE, OP_SEPARATOR, OP_SPACE, ARG, PAYLOAD, PAYLOAD_CR, PAYLOAD_LF, DONE

	}

	private enum AfterName {

		/** Anything up to the line feed is ignored. */
		REST_OF_LINE,

		/** A space or tab must follow, then the argument. */
		SEPARATOR,

		/** The argument may follow at once. */
		ARGUMENT

	}

	private enum Op {

		CONNECT("CONNECT", AfterName.ARGUMENT), PUB("PUB", AfterName.SEPARATOR), HPUB("HPUB", AfterName.SEPARATOR),
		SUB("SUB", AfterName.SEPARATOR), UNSUB("UNSUB", AfterName.SEPARATOR), PING("PING", AfterName.REST_OF_LINE),
		PONG("PONG", AfterName.REST_OF_LINE), INFO("INFO", AfterName.ARGUMENT), OK("+OK", AfterName.REST_OF_LINE),
		ERR("-ERR", AfterName.SEPARATOR);

		private static final Op[] ALL = values();

		final byte[] name;

		final AfterName after;

		Op(String name, AfterName after) {
			this.name = name.getBytes(StandardCharsets.US_ASCII);
			this.after = after;
		}

		/** The operation whose name starts with {@code matched} bytes of this one's, then {@code next}. */
		Op continuedWith(int matched, byte next) {
			if (this.name[matched] == next) {
				return this;
			}
			for (Op candidate : ALL) {
				if (candidate.name.length > matched && candidate.name[matched] == next
						&& Arrays.equals(candidate.name, 0, matched, this.name, 0, matched)) {
					return candidate;
				}
			}
			return null;
		}

		static Op startingWith(byte first) {
			for (Op candidate : ALL) {
				if (candidate.name[0] == first) {
					return candidate;
				}
			}
			return null;
		}
	}

	private final int maxControlLine;

	private int maxPayload;

	private State state = State.OP_START;

	private Op op;

	private int nameMatched;

	private byte[] line;

	private ByteBuf lineView;

	private int lineLength;

	private boolean lineHasCr;

	private final int[] tokens = new int[10];

	private String pendingSubject;

	private String pendingReply;

	private int pendingHeaderSize;

	private int pendingSize;

	private ByteBuf pendingPayload;

	private byte[] lastSubjectBytes = new byte[0];

	private ByteBuf lastSubjectView = Unpooled.EMPTY_BUFFER;

	private String lastSubject = "";

	private ConnectOptions connectOptions = ConnectOptions.DEFAULTS;

	/**
	 * Creates a decoder for one connection.
	 * @param maxControlLine the longest argument line accepted, in bytes (nats-server: 4096)
	 * @param maxPayload the largest PUB/HPUB size accepted, in bytes (nats-server: 1 MiB)
	 */
	public ClientProtocolDecoder(int maxControlLine, int maxPayload) {
		if (maxControlLine <= 0) {
			throw new IllegalArgumentException("maxControlLine must be positive, was " + maxControlLine);
		}
		this.maxControlLine = maxControlLine;
		setMaxPayload(maxPayload);
	}

	/**
	 * Changes the largest PUB/HPUB size accepted from now on (for instance an account's limit).
	 * @param maxPayload the limit in bytes
	 */
	public void setMaxPayload(int maxPayload) {
		if (maxPayload < 0) {
			throw new IllegalArgumentException("maxPayload must not be negative, was " + maxPayload);
		}
		this.maxPayload = maxPayload;
	}

	/**
	 * The options of the last CONNECT, or {@link ConnectOptions#DEFAULTS} before any.
	 * @return the options in force
	 */
	public ConnectOptions connectOptions() {
		return this.connectOptions;
	}

	/**
	 * Consumes every readable byte of {@code in}, reporting each complete operation to {@code handler}
	 * and keeping what an incomplete one needs for the next call. After a violation, or after the
	 * client's {@code -ERR}, further input is ignored.
	 * @param in the bytes read from the client; its reader index is moved to its writer index
	 * @param handler receives the operations
	 * @throws ProtocolViolation when the input breaks the protocol; operations before it were reported
	 */
	public void decode(ByteBuf in, ClientOpHandler handler) throws ProtocolViolation {
		int index = in.readerIndex();
		int end = in.writerIndex();
		try {
			while (index < end) {
				index = step(in, index, end, handler);
			}
		}
		catch (ProtocolViolation | RuntimeException ex) {
			finish();
			index = end;
			throw ex;
		}
		finally {
			in.readerIndex(index);
		}
	}

	/**
	 * Frees a partially received payload; the decoder ignores any later input.
	 */
	public void release() {
		finish();
	}

	private void finish() {
		this.state = State.DONE;
		if (this.pendingPayload != null) {
			this.pendingPayload.release();
			this.pendingPayload = null;
		}
	}

	private int step(ByteBuf in, int index, int end, ClientOpHandler handler) throws ProtocolViolation {
		switch (this.state) {
			case OP_START -> {
				this.op = Op.startingWith(upperCase(in.getByte(index)));
				if (this.op == null) {
					throw unknownOperation();
				}
				this.nameMatched = 1;
				this.state = State.OP_NAME;
				return index + 1;
			}
			case OP_NAME -> {
				return matchName(in, index, end);
			}
			case OP_REST_OF_LINE -> {
				int lf = in.indexOf(index, end, LF);
				if (lf < 0) {
					return end;
				}
				this.state = State.OP_START;
				switch (this.op) {
					case PING -> handler.onPing();
					case PONG -> handler.onPong();
					default -> handler.onOk();
				}
				return lf + 1;
			}
			case OP_SEPARATOR -> {
				if (!isBlank(in.getByte(index))) {
					throw unknownOperation();
				}
				this.state = State.OP_SPACE;
				return index + 1;
			}
			case OP_SPACE -> {
				int position = index;
				while (position < end && isBlank(in.getByte(position))) {
					position++;
				}
				if (position < end) {
					// The first argument byte is taken as is, whatever it is: even a line feed.
					this.state = State.ARG;
					this.lineLength = 0;
					this.lineHasCr = false;
					return scanArgument(in, position, position + 1, end, handler);
				}
				return end;
			}
			case ARG -> {
				return scanArgument(in, -1, index, end, handler);
			}
			case PAYLOAD -> {
				return readPayload(in, index, end, handler);
			}
			case PAYLOAD_CR -> {
				if (in.getByte(index) != CR) {
					throw unknownOperation();
				}
				this.state = State.PAYLOAD_LF;
				return index + 1;
			}
			case PAYLOAD_LF -> {
				if (in.getByte(index) != LF) {
					throw unknownOperation();
				}
				this.state = State.OP_START;
				ByteBuf payload = this.pendingPayload;
				this.pendingPayload = null;
				try {
					deliver(handler, payload);
				}
				finally {
					payload.release();
				}
				return index + 1;
			}
			default -> {
				return end;
			}
		}
	}

	private int matchName(ByteBuf in, int index, int end) throws ProtocolViolation {
		int position = index;
		while (position < end) {
			Op next = this.op.continuedWith(this.nameMatched, upperCase(in.getByte(position)));
			if (next == null) {
				throw unknownOperation();
			}
			this.op = next;
			position++;
			if (++this.nameMatched == next.name.length) {
				this.state = switch (next.after) {
					case REST_OF_LINE -> State.OP_REST_OF_LINE;
					case SEPARATOR -> State.OP_SEPARATOR;
					case ARGUMENT -> State.OP_SPACE;
				};
				return position;
			}
		}
		return position;
	}

	/**
	 * Looks for the end of the argument line. {@code argStart} is where the argument starts in
	 * {@code in}, or -1 when its beginning is already in {@link #line}; the line feed is searched from
	 * {@code searchFrom}.
	 */
	private int scanArgument(ByteBuf in, int argStart, int searchFrom, int end, ClientOpHandler handler)
			throws ProtocolViolation {
		int lf = (searchFrom < end) ? in.indexOf(searchFrom, end, LF) : -1;
		if (lf < 0) {
			int from = (argStart >= 0) ? argStart : searchFrom;
			if (!this.lineHasCr && searchFrom < end) {
				this.lineHasCr = in.indexOf(searchFrom, end, CR) >= 0;
			}
			appendToLine(in, from, end);
			return end;
		}
		if (argStart >= 0 && this.lineLength == 0) {
			boolean drop = lf - 1 > argStart
					&& (in.getByte(lf - 1) == CR || in.indexOf(argStart + 1, lf - 1, CR) >= 0);
			int argEnd = drop ? lf - 1 : lf;
			checkControlLine(argEnd - argStart);
			this.state = State.OP_START;
			processArgument(in, argStart, argEnd, handler);
			return lf + 1;
		}
		if (!this.lineHasCr && searchFrom < lf) {
			this.lineHasCr = in.indexOf(searchFrom, lf, CR) >= 0;
		}
		int from = (argStart >= 0) ? argStart : searchFrom;
		int argLength = this.lineLength + (lf - from) - (this.lineHasCr ? 1 : 0);
		checkControlLine(argLength);
		appendToLine(in, from, lf);
		this.lineLength = 0;
		this.state = State.OP_START;
		processArgument(this.lineView, 0, argLength, handler);
		return lf + 1;
	}

	private void appendToLine(ByteBuf in, int from, int to) throws ProtocolViolation {
		int length = to - from;
		int total = this.lineLength + length;
		checkControlLine(total - (this.lineHasCr ? 1 : 0));
		if (this.line == null || this.line.length < total) {
			int capacity = Math.max(INITIAL_LINE_CAPACITY, (this.line != null) ? this.line.length * 2 : 0);
			byte[] grown = new byte[Math.max(total, Math.min(capacity, this.maxControlLine + 1))];
			if (this.line != null) {
				System.arraycopy(this.line, 0, grown, 0, this.lineLength);
			}
			this.line = grown;
			this.lineView = Unpooled.wrappedBuffer(grown);
		}
		in.getBytes(from, this.line, this.lineLength, length);
		this.lineLength = total;
	}

	private void checkControlLine(int argumentLength) throws ProtocolViolation {
		if (argumentLength > this.maxControlLine) {
			throw new ProtocolViolation(ProtocolViolation.Kind.MAX_CONTROL_LINE,
					"argument of " + this.op + " longer than " + this.maxControlLine + " bytes");
		}
	}

	private void processArgument(ByteBuf buf, int start, int end, ClientOpHandler handler) throws ProtocolViolation {
		switch (this.op) {
			case PUB -> startPub(buf, start, end);
			case HPUB -> startHpub(buf, start, end);
			case SUB -> sub(buf, start, end, handler);
			case UNSUB -> unsub(buf, start, end, handler);
			case CONNECT -> connect(buf, start, end, handler);
			case INFO -> info(buf, start, end, handler);
			case ERR -> {
				this.state = State.DONE;
				handler.onErr(buf.toString(start, end - start, StandardCharsets.UTF_8));
			}
			default -> throw new IllegalStateException("No argument expected for " + this.op);
		}
	}

	private void startPub(ByteBuf buf, int start, int end) throws ProtocolViolation {
		int count = tokenize(buf, start, end, false, 3);
		if (count != 2 && count != 3) {
			throw silentClose("PUB needs 2 or 3 arguments, got " + count);
		}
		int size = parseSize(buf, this.tokens[2 * count - 2], this.tokens[2 * count - 1]);
		if (size < 0) {
			throw silentClose("PUB has a bad or missing size");
		}
		checkPayload(size);
		expectPayload(buf, count == 3, -1, size);
	}

	private void startHpub(ByteBuf buf, int start, int end) throws ProtocolViolation {
		if (!this.connectOptions.headers()) {
			throw silentClose("HPUB from a client that did not declare headers");
		}
		int count = tokenize(buf, start, end, false, 4);
		if (count != 3 && count != 4) {
			throw silentClose("HPUB needs 3 or 4 arguments, got " + count);
		}
		int headerSize = parseSize(buf, this.tokens[2 * count - 4], this.tokens[2 * count - 3]);
		if (headerSize < 0) {
			throw silentClose("HPUB has a bad or missing header size");
		}
		int size = parseSize(buf, this.tokens[2 * count - 2], this.tokens[2 * count - 1]);
		if (size < 0) {
			throw silentClose("HPUB has a bad or missing total size");
		}
		if (headerSize > size) {
			throw silentClose("HPUB header size larger than total size");
		}
		checkPayload(size);
		expectPayload(buf, count == 4, headerSize, size);
	}

	private void checkPayload(int size) throws ProtocolViolation {
		if (size > this.maxPayload) {
			throw new ProtocolViolation(ProtocolViolation.Kind.MAX_PAYLOAD,
					"payload of " + size + " bytes over the maximum of " + this.maxPayload);
		}
	}

	private void expectPayload(ByteBuf buf, boolean hasReply, int headerSize, int size) {
		this.pendingSubject = subject(buf, this.tokens[0], this.tokens[1]);
		this.pendingReply = hasReply ? string(buf, this.tokens[2], this.tokens[3]) : null;
		this.pendingHeaderSize = headerSize;
		this.pendingSize = size;
		this.state = State.PAYLOAD;
	}

	private int readPayload(ByteBuf in, int index, int end, ClientOpHandler handler) throws ProtocolViolation {
		int size = this.pendingSize;
		if (this.pendingPayload == null) {
			if (end - index >= size + 2) {
				if (in.getByte(index + size) != CR || in.getByte(index + size + 1) != LF) {
					throw unknownOperation();
				}
				this.state = State.OP_START;
				deliver(handler, in.slice(index, size));
				return index + size + 2;
			}
			this.pendingPayload = (size == 0) ? Unpooled.EMPTY_BUFFER : in.alloc().buffer(size, size);
		}
		int copied = Math.min(end - index, size - this.pendingPayload.writerIndex());
		this.pendingPayload.writeBytes(in, index, copied);
		if (this.pendingPayload.writerIndex() == size) {
			this.state = State.PAYLOAD_CR;
		}
		return index + copied;
	}

	private void deliver(ClientOpHandler handler, ByteBuf payload) throws ProtocolViolation {
		String subject = this.pendingSubject;
		String reply = this.pendingReply;
		this.pendingSubject = null;
		this.pendingReply = null;
		if (this.op == Op.HPUB) {
			handler.onHpub(subject, reply, this.pendingHeaderSize, payload);
		}
		else {
			handler.onPub(subject, reply, payload);
		}
	}

	private void sub(ByteBuf buf, int start, int end, ClientOpHandler handler) throws ProtocolViolation {
		int count = tokenize(buf, start, end, true, 3);
		if (count != 2 && count != 3) {
			throw silentClose("SUB needs 2 or 3 arguments, got " + count);
		}
		String subject = string(buf, this.tokens[0], this.tokens[1]);
		String queue = (count == 3) ? string(buf, this.tokens[2], this.tokens[3]) : null;
		String sid = string(buf, this.tokens[2 * count - 2], this.tokens[2 * count - 1]);
		handler.onSub(subject, queue, sid);
	}

	private void unsub(ByteBuf buf, int start, int end, ClientOpHandler handler) throws ProtocolViolation {
		int count = tokenize(buf, start, end, true, 2);
		if (count != 1 && count != 2) {
			throw silentClose("UNSUB needs 1 or 2 arguments, got " + count);
		}
		String sid = string(buf, this.tokens[0], this.tokens[1]);
		long max = (count == 2) ? parseSize(buf, this.tokens[2], this.tokens[3]) : -1;
		handler.onUnsub(sid, max);
	}

	private void connect(ByteBuf buf, int start, int end, ClientOpHandler handler) throws ProtocolViolation {
		byte[] json = ByteBufUtil.getBytes(buf, start, end - start);
		this.connectOptions = ConnectOptions.parse(json, 0, json.length, this.connectOptions);
		handler.onConnect(this.connectOptions);
	}

	private void info(ByteBuf buf, int start, int end, ClientOpHandler handler) throws ProtocolViolation {
		byte[] json = ByteBufUtil.getBytes(buf, start, end - start);
		if (!ClientInfoJson.isAcceptable(json, 0, json.length)) {
			throw silentClose("INFO argument is not a JSON object");
		}
		handler.onInfo();
	}

	/**
	 * Splits {@code [start, end)} on runs of spaces and tabs (and of CR and LF when {@code lineBreaksSplit}),
	 * recording token bounds in {@link #tokens}.
	 * @return the number of tokens, or {@code max + 1} when there are more than {@code max}
	 */
	private int tokenize(ByteBuf buf, int start, int end, boolean lineBreaksSplit, int max) {
		int count = 0;
		int tokenStart = -1;
		for (int i = start; i < end; i++) {
			byte b = buf.getByte(i);
			boolean separator = b == ' ' || b == '\t' || (lineBreaksSplit && (b == CR || b == LF));
			if (separator) {
				if (tokenStart >= 0) {
					if (count == max) {
						return max + 1;
					}
					this.tokens[2 * count] = tokenStart;
					this.tokens[2 * count + 1] = i;
					count++;
					tokenStart = -1;
				}
			}
			else if (tokenStart < 0) {
				tokenStart = i;
			}
		}
		if (tokenStart >= 0) {
			if (count == max) {
				return max + 1;
			}
			this.tokens[2 * count] = tokenStart;
			this.tokens[2 * count + 1] = end;
			count++;
		}
		return count;
	}

	/** nats-server's size rule: 1 to 9 decimal digits, else -1. */
	private static int parseSize(ByteBuf buf, int start, int end) {
		int length = end - start;
		if (length == 0 || length > MAX_SIZE_DIGITS) {
			return -1;
		}
		int value = 0;
		for (int i = start; i < end; i++) {
			int digit = buf.getByte(i) - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	/** A publish subject, reusing the previous String when a client keeps publishing to one subject. */
	private String subject(ByteBuf buf, int start, int end) {
		int length = end - start;
		if (length == this.lastSubjectBytes.length && ByteBufUtil.equals(buf, start, this.lastSubjectView, 0, length)) {
			return this.lastSubject;
		}
		byte[] bytes = new byte[length];
		buf.getBytes(start, bytes);
		this.lastSubjectBytes = bytes;
		this.lastSubjectView = Unpooled.wrappedBuffer(bytes);
		this.lastSubject = new String(bytes, StandardCharsets.UTF_8);
		return this.lastSubject;
	}

	private static String string(ByteBuf buf, int start, int end) {
		return buf.toString(start, end - start, StandardCharsets.UTF_8);
	}

	private static boolean isBlank(byte b) {
		return b == ' ' || b == '\t';
	}

	private static byte upperCase(byte b) {
		return (b >= 'a' && b <= 'z') ? (byte) (b - ('a' - 'A')) : b;
	}

	private ProtocolViolation unknownOperation() {
		return new ProtocolViolation(ProtocolViolation.Kind.UNKNOWN_OPERATION, "parser error in state " + this.state);
	}

	private static ProtocolViolation silentClose(String detail) {
		return new ProtocolViolation(ProtocolViolation.Kind.SILENT_CLOSE, detail);
	}
}
