package io.github.natsspring.broker.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * Decodes the client side of the NATS protocol, byte for byte as nats-server 2.9.10 parses it.
 *
 * <p>One instance per connection. {@link #decode} consumes every readable byte of the buffer it is
 * given: complete operations are reported to the {@link ClientOpHandler}, and the state of an
 * operation split across reads is kept here (a partial argument line is copied, bounded by the
 * maximum control line; a partial payload is copied into a buffer from the input's allocator), so
 * the caller may release its buffer after each call. Call {@link #release()} when the connection
 * closes. Not thread-safe: it belongs to the connection's event loop.
 *
 * <p>Rules followed, as nats-server applies them:
 * <ul>
 * <li>operation names are case-insensitive and checked byte by byte: the first byte that no
 * operation can continue with is an {@link ProtocolViolation.Kind#UNKNOWN_OPERATION}, even before
 * the line ends (leading white space and empty lines included);</li>
 * <li>PING, PONG and +OK ignore anything between their name and the line feed;</li>
 * <li>PUB, HPUB, SUB, UNSUB and -ERR need a space or tab after their name, CONNECT and INFO do not;
 * any run of spaces and tabs separates arguments (for SUB and UNSUB, CR and LF too); the first byte
 * after the blanks always belongs to the argument, even a line feed;</li>
 * <li>a line ends at a line feed; when a carriage return occurs in the argument, the byte before the
 * line feed is dropped (for a proper {@code \r\n} that is the carriage return);</li>
 * <li>argument lines longer than the maximum control line are refused as soon as the bytes received
 * exceed it; operation names and the white space after them do not count;</li>
 * <li>sizes are 1 to 9 decimal digits; the payload must be followed by exactly {@code \r\n};
 * malformed PUB, HPUB, SUB, UNSUB, CONNECT or INFO arguments close silently, an HPUB before a CONNECT
 * declaring headers too;</li>
 * <li>HMSG is read up to its line feed, then refused; a client's -ERR ends decoding.</li>
 * </ul>
 */
public final class ClientProtocolDecoder {

	private static final byte CR = '\r';

	private static final byte LF = '\n';

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
		ERR("-ERR", AfterName.SEPARATOR),

		/** Server-to-client only: nats-server reads its line, then refuses it from a client. */
		HMSG("HMSG", AfterName.SEPARATOR);

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
			return switch (first) {
				case 'P' -> PUB;
				case 'S' -> SUB;
				case 'U' -> UNSUB;
				case 'H' -> HPUB;
				case 'C' -> CONNECT;
				case 'I' -> INFO;
				case '+' -> OK;
				case '-' -> ERR;
				default -> null;
			};
		}
	}

	private int maxControlLine;

	private int maxPayload;

	private State state = State.OP_START;

	private Op op;

	private int nameMatched;

	private byte[] line;

	private ByteBuf lineView;

	private int lineLength;

	private boolean lineHasCr;

	private final ArgumentTokens arguments = new ArgumentTokens(4);

	private String pendingSubject;

	private String pendingReply;

	private int pendingHeaderSize;

	private int pendingSize;

	private int pendingHeaderSizeDigits;

	private int pendingSizeDigits;

	private ByteBuf pendingPayload;

	/** Set by the handler to stop the current {@link #decode} call after the operation being reported. */
	private boolean paused;

	private final RecentSubject recentSubject = new RecentSubject();

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
	 * Changes the longest argument line accepted from now on, after a configuration reload.
	 * @param maxControlLine the limit in bytes
	 */
	public void setMaxControlLine(int maxControlLine) {
		if (maxControlLine <= 0) {
			throw new IllegalArgumentException("maxControlLine must be positive, was " + maxControlLine);
		}
		this.maxControlLine = maxControlLine;
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
	 * How many digits the client wrote for the size of the PUB or HPUB being reported; meaningful only
	 * during {@link ClientOpHandler#onPub} and {@link ClientOpHandler#onHpub}. nats-server echoes the
	 * sizes as written, leading zeros included, in the MSG or HMSG it delivers (see
	 * {@link ServerFrames#writeMsg(ByteBuf, byte[], byte[], byte[], ByteBuf, int)}).
	 * @return the number of digits of the (total) size
	 */
	public int sizeDigits() {
		return this.pendingSizeDigits;
	}

	/**
	 * How many digits the client wrote for the header size of the HPUB being reported; meaningful only
	 * during {@link ClientOpHandler#onHpub}.
	 * @return the number of digits of the header size
	 */
	public int headerSizeDigits() {
		return this.pendingHeaderSizeDigits;
	}

	/**
	 * Consumes every readable byte of {@code in} (unless the handler {@link #pause() pauses} it), reporting
	 * each complete operation to {@code handler} and keeping what an incomplete one needs for the next call.
	 * After a violation, or after the client's {@code -ERR}, further input is ignored.
	 * @param in the bytes read from the client; its reader index is moved to its writer index, or past the
	 * operation during which the handler paused
	 * @param handler receives the operations
	 * @throws ProtocolViolation when the input breaks the protocol; operations before it were reported
	 */
	public void decode(ByteBuf in, ClientOpHandler handler) throws ProtocolViolation {
		int index = in.readerIndex();
		int end = in.writerIndex();
		this.paused = false;
		try {
			while (index < end && !this.paused) {
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
	 * Stops the {@link #decode} call in progress once the operation being reported returns; the bytes after it
	 * stay unread in the input buffer, for the caller to decode later. Called by the handler, for instance when
	 * the client must stop being read because a consumer of its messages fell behind.
	 */
	public void pause() {
		this.paused = true;
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
				if (end - index >= 4 && isPubThenBlank(in.getInt(index))) {
					this.op = Op.PUB;
					this.state = State.OP_SPACE;
					return index + 4;
				}
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
	 * {@code in} (its first byte is never the line's end), or -1 when its beginning is already in
	 * {@link #line}; the line feed is searched from {@code searchFrom}. A complete argument is parsed
	 * straight from {@code in} when it lies there whole, else from {@link #line}.
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
		int argLength = this.lineLength + (lf - searchFrom) - (this.lineHasCr ? 1 : 0);
		checkControlLine(argLength);
		appendToLine(in, searchFrom, lf);
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
			case HMSG -> throw unknownOperation();
			case ERR -> {
				this.state = State.DONE;
				handler.onErr(buf.toString(start, end - start, StandardCharsets.UTF_8));
			}
			default -> throw new IllegalStateException("No argument expected for " + this.op);
		}
	}

	private void startPub(ByteBuf buf, int start, int end) throws ProtocolViolation {
		int count = this.arguments.split(buf, start, end, false);
		if (count != 2 && count != 3) {
			throw silentClose("PUB needs 2 or 3 arguments, got " + count);
		}
		int size = this.arguments.size(count - 1);
		if (size < 0) {
			throw silentClose("PUB has a bad or missing size");
		}
		checkPayload(size);
		this.pendingHeaderSizeDigits = 0;
		this.pendingSizeDigits = this.arguments.length(count - 1);
		expectPayload(count == 3, -1, size);
	}

	private void startHpub(ByteBuf buf, int start, int end) throws ProtocolViolation {
		if (!this.connectOptions.headers()) {
			throw silentClose("HPUB from a client that did not declare headers");
		}
		int count = this.arguments.split(buf, start, end, false);
		if (count != 3 && count != 4) {
			throw silentClose("HPUB needs 3 or 4 arguments, got " + count);
		}
		int headerSize = this.arguments.size(count - 2);
		if (headerSize < 0) {
			throw silentClose("HPUB has a bad or missing header size");
		}
		int size = this.arguments.size(count - 1);
		if (size < 0) {
			throw silentClose("HPUB has a bad or missing total size");
		}
		if (headerSize > size) {
			throw silentClose("HPUB header size larger than total size");
		}
		checkPayload(size);
		this.pendingHeaderSizeDigits = this.arguments.length(count - 2);
		this.pendingSizeDigits = this.arguments.length(count - 1);
		expectPayload(count == 4, headerSize, size);
	}

	private void checkPayload(int size) throws ProtocolViolation {
		if (size > this.maxPayload) {
			throw new ProtocolViolation(ProtocolViolation.Kind.MAX_PAYLOAD,
					"payload of " + size + " bytes over the maximum of " + this.maxPayload);
		}
	}

	private void expectPayload(boolean hasReply, int headerSize, int size) {
		this.pendingSubject = this.recentSubject.of(this.arguments.line(), this.arguments.start(0),
				this.arguments.length(0));
		this.pendingReply = hasReply ? this.arguments.string(1) : null;
		this.pendingHeaderSize = headerSize;
		this.pendingSize = size;
		this.state = State.PAYLOAD;
	}

	private int readPayload(ByteBuf in, int index, int end, ClientOpHandler handler) throws ProtocolViolation {
		int size = this.pendingSize;
		if (this.pendingPayload == null) {
			if (end - index - 2 >= size) {
				if (in.getByte(index + size) != CR || in.getByte(index + size + 1) != LF) {
					throw unknownOperation();
				}
				this.state = State.OP_START;
				deliverInPlace(handler, in, index, size);
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

	/**
	 * Reports a payload that lies whole in the input: the input itself is handed over with its readable bytes
	 * narrowed to the payload, then restored, so no slice is allocated per message.
	 */
	private void deliverInPlace(ClientOpHandler handler, ByteBuf in, int index, int size) throws ProtocolViolation {
		int readerIndex = in.readerIndex();
		int writerIndex = in.writerIndex();
		in.setIndex(index, index + size);
		try {
			deliver(handler, in);
		}
		finally {
			in.setIndex(readerIndex, writerIndex);
		}
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
		int count = this.arguments.split(buf, start, end, true);
		if (count != 2 && count != 3) {
			throw silentClose("SUB needs 2 or 3 arguments, got " + count);
		}
		String subject = this.arguments.string(0);
		String queue = (count == 3) ? this.arguments.string(1) : null;
		handler.onSub(subject, queue, this.arguments.string(count - 1));
	}

	private void unsub(ByteBuf buf, int start, int end, ClientOpHandler handler) throws ProtocolViolation {
		int count = this.arguments.split(buf, start, end, true);
		if (count != 1 && count != 2) {
			throw silentClose("UNSUB needs 1 or 2 arguments, got " + count);
		}
		long max = (count == 2) ? this.arguments.size(1) : -1;
		handler.onUnsub(this.arguments.string(0), max);
	}

	private void connect(ByteBuf buf, int start, int end, ClientOpHandler handler) throws ProtocolViolation {
		// Decoding to a String first replaces malformed UTF-8 as Go does instead of failing on it.
		this.connectOptions = ConnectOptions.parse(string(buf, start, end), this.connectOptions);
		handler.onConnect(this.connectOptions);
	}

	private void info(ByteBuf buf, int start, int end, ClientOpHandler handler) throws ProtocolViolation {
		if (!ClientInfoJson.isAcceptable(string(buf, start, end))) {
			throw silentClose("INFO argument is not a JSON object nats-server can read");
		}
		handler.onInfo();
	}

	private static String string(ByteBuf buf, int start, int end) {
		return buf.toString(start, end - start, StandardCharsets.UTF_8);
	}

	/** Whether four bytes (big-endian) are "PUB" in any case then a space or tab: the hot path in one read. */
	private static boolean isPubThenBlank(int fourBytes) {
		int last = fourBytes & 0xFF;
		return ((fourBytes | 0x20202000) & 0xFFFFFF00) == 0x70756200 && (last == ' ' || last == '\t');
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
