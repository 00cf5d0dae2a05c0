package io.github.natsspring.broker.protocol;

import io.netty.buffer.ByteBuf;

/**
 * The arguments of one control line, split as nats-server splits them. The line is copied once into an array
 * of its own (reused from line to line, at most a control line long) and the arguments are kept as offsets
 * into it, so scanning costs no per-byte buffer checks and nothing is allocated until an argument is read as a
 * String.
 */
final class ArgumentTokens {

	private static final int MAX_SIZE_DIGITS = 9;

	private static final int INITIAL_LINE_CAPACITY = 128;

	private final int max;

	private final int[] bounds;

	private byte[] line = new byte[INITIAL_LINE_CAPACITY];

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
		int length = end - start;
		if (this.line.length < length) {
			this.line = new byte[Math.max(length, this.line.length * 2)];
		}
		byte[] bytes = this.line;
		buf.getBytes(start, bytes, 0, length);
		int count = 0;
		int tokenStart = -1;
		for (int i = 0; i < length; i++) {
			byte b = bytes[i];
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
			this.bounds[2 * count + 1] = length;
			count++;
		}
		return count;
	}

	/** Where an argument starts in {@link #line()}. */
	int start(int index) {
		return this.bounds[2 * index];
	}

	int length(int index) {
		return this.bounds[2 * index + 1] - this.bounds[2 * index];
	}

	/** The copy of the line last split; valid until the next split. */
	byte[] line() {
		return this.line;
	}

	String string(int index) {
		return new String(this.line, start(index), length(index), WireText.CHARSET);
	}

	/** The argument as nats-server reads a size: 1 to 9 decimal digits, else -1. */
	int size(int index) {
		int length = length(index);
		if (length == 0 || length > MAX_SIZE_DIGITS) {
			return -1;
		}
		int value = 0;
		for (int i = start(index), end = i + length; i < end; i++) {
			int digit = this.line[i] - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}
}
