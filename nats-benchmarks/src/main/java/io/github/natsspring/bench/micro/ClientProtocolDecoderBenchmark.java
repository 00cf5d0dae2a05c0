package io.github.natsspring.bench.micro;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import io.github.natsspring.broker.protocol.ClientOpHandler;
import io.github.natsspring.broker.protocol.ClientProtocolDecoder;
import io.github.natsspring.broker.protocol.ConnectOptions;
import io.github.natsspring.broker.protocol.ProtocolViolation;

/**
 * Decoding cost per {@code PUB} frame of {@link ClientProtocolDecoder}: one read batch of frames, as a socket
 * read would deliver it, either whole or split into TCP-segment-sized reads so frames straddle read boundaries.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClientProtocolDecoderBenchmark {

	private static final int FRAMES = 1000;

	private static final int SEGMENT_BYTES = 1460;

	/** The payload size of every PUB. */
	@Param({ "16", "128", "1024" })
	public int payloadBytes;

	/** How many distinct subjects the frames rotate through (the decoder reuses the last subject string). */
	@Param({ "1", "64" })
	public int subjects;

	private ByteBuf batch;

	private ByteBuf[] segments;

	private ClientProtocolDecoder decoder;

	private CountingHandler handler;

	/**
	 * Builds the batch of frames once per trial.
	 */
	@Setup(Level.Trial)
	public void buildFrames() {
		byte[] payload = new byte[this.payloadBytes];
		this.batch = Unpooled.directBuffer();
		for (int i = 0; i < FRAMES; i++) {
			String control = "PUB bench.subject." + (i % this.subjects) + " " + this.payloadBytes + "\r\n";
			this.batch.writeBytes(control.getBytes(StandardCharsets.US_ASCII));
			this.batch.writeBytes(payload);
			this.batch.writeBytes(new byte[] { '\r', '\n' });
		}
		int count = (this.batch.readableBytes() + SEGMENT_BYTES - 1) / SEGMENT_BYTES;
		this.segments = new ByteBuf[count];
		for (int i = 0; i < count; i++) {
			int offset = i * SEGMENT_BYTES;
			this.segments[i] = this.batch.slice(offset, Math.min(SEGMENT_BYTES, this.batch.readableBytes() - offset));
		}
		this.decoder = new ClientProtocolDecoder(4096, 1024 * 1024);
	}

	/**
	 * Creates a handler that feeds the black hole.
	 * @param blackhole JMH's sink
	 */
	@Setup(Level.Iteration)
	public void bindHandler(Blackhole blackhole) {
		this.handler = new CountingHandler(blackhole);
	}

	/**
	 * Frees the frame buffer.
	 */
	@TearDown(Level.Trial)
	public void release() {
		this.decoder.release();
		this.batch.release();
	}

	/**
	 * Decodes the whole batch in one call.
	 * @throws ProtocolViolation never, the frames are valid
	 */
	@Benchmark
	@OperationsPerInvocation(FRAMES)
	public void wholeBatch() throws ProtocolViolation {
		this.batch.readerIndex(0);
		this.decoder.decode(this.batch, this.handler);
	}

	/**
	 * Decodes the batch one TCP-segment-sized read at a time.
	 * @throws ProtocolViolation never, the frames are valid
	 */
	@Benchmark
	@OperationsPerInvocation(FRAMES)
	public void segmentedReads() throws ProtocolViolation {
		for (ByteBuf segment : this.segments) {
			segment.readerIndex(0);
			this.decoder.decode(segment, this.handler);
		}
	}

	/**
	 * Consumes every operation so the JIT cannot drop the decoding.
	 */
	private static final class CountingHandler implements ClientOpHandler {

		private final Blackhole blackhole;

		CountingHandler(Blackhole blackhole) {
			this.blackhole = blackhole;
		}

		@Override
		public void onConnect(ConnectOptions options) {
			this.blackhole.consume(options);
		}

		@Override
		public void onPing() {
			this.blackhole.consume(1);
		}

		@Override
		public void onPong() {
			this.blackhole.consume(2);
		}

		@Override
		public void onPub(String subject, String replyTo, ByteBuf payload) {
			this.blackhole.consume(subject);
			this.blackhole.consume(payload.readableBytes());
		}

		@Override
		public void onHpub(String subject, String replyTo, int headerSize, ByteBuf headersAndPayload) {
			this.blackhole.consume(subject);
			this.blackhole.consume(headersAndPayload.readableBytes());
		}

		@Override
		public void onSub(String subject, String queue, String sid) {
			this.blackhole.consume(subject);
		}

		@Override
		public void onUnsub(String sid, long max) {
			this.blackhole.consume(sid);
		}

		@Override
		public void onInfo() {
			this.blackhole.consume(3);
		}

		@Override
		public void onOk() {
			this.blackhole.consume(4);
		}

		@Override
		public void onErr(String message) {
			this.blackhole.consume(message);
		}

	}

}
