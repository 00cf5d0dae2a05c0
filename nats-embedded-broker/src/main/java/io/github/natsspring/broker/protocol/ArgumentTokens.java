package io.github.natsspring.broker.protocol;


import io.netty.buffer.ByteBuf;

/**
 * The arguments of one control line, split as nats-server splits them and kept as offsets into the
 * buffer that holds the line, so nothing is allocated until an argument is read as a String. Reused
 * from line to line.
 */
final class ArgumentTokens {

	private static final int MAX_SIZE_DIGITS = 9;

	private final int max;

	private final int[] bounds;

	private ByteBuf buf;

	ArgumentTokens(int max) {
		this.max = max;
		this.bounds = new int[2 * max];
	}

	/**
	 * Splits {@code [start, end)} of {@code buf} on runs of spaces and tabs, and of CR and LF too when
	 * {@code lineBreaksSeparate} (nats-server does so for SUB and UNSUB, not for PUB and HPUB).
	 * @return how many arguments there are, or {@code max + 1} when there are more than {@code max}
	 */
	int split(ByteBuf buf, int start, int end, boolean lineBreaksSeparate) {
		this.buf = buf;
		int count = 0;
		int tokenStart = -1;
		for (int i = start; i < end; i++) {
			byte b = buf.getByte(i);
			if (b == ' ' || b == '\t' || (lineBreaksSeparate && (b == '\r' || b == '\n'))) {
				if (tokenStart >= 0) {
					if (count == this.max) {
						return this.max + 1;
					}
					this.bounds[2 * count] = tokenStart;
					this.bounds[2 * count + 1] = i;
					count++;
					tokenStart = -1;
				}
			}
			else if (tokenStart < 0) {
				tokenStart = i;
			}
		}
		if (tokenStart >= 0) {
			if (count == this.max) {
				return this.max + 1;
			}
			this.bounds[2 * count] = tokenStart;
			this.bounds[2 * count + 1] = end;
			count++;
		}
		return count;
	}

	int start(int index) {
		return this.bounds[2 * index];
	}

	int length(int index) {
		return this.bounds[2 * index + 1] - this.bounds[2 * index];
	}

	String string(int index) {
		return this.buf.toString(start(index), length(index), WireText.CHARSET);
	}

	/** The argument as nats-server reads a size: 1 to 9 decimal digits, else -1. */
	int size(int index) {
		int length = length(index);
		if (length == 0 || length > MAX_SIZE_DIGITS) {
			return -1;
		}
		int value = 0;
		for (int i = start(index), end = i + length; i < end; i++) {
			int digit = this.buf.getByte(i) - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	ByteBuf buffer() {
		return this.buf;
	}
}
