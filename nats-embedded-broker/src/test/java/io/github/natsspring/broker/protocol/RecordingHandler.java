package io.github.natsspring.broker.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;

/** Records every operation the decoder reports as one readable line. */
class RecordingHandler implements ClientOpHandler {

	final List<String> events = new ArrayList<>();

	@Override
	public void onConnect(ConnectOptions options) {
		this.events.add("CONNECT verbose=" + options.verbose() + " headers=" + options.headers() + " name="
				+ options.name());
	}

	@Override
	public void onPing() {
		this.events.add("PING");
	}

	@Override
	public void onPong() {
		this.events.add("PONG");
	}

	@Override
	public void onPub(String subject, String replyTo, ByteBuf payload) {
		this.events.add("PUB " + subject + " " + replyTo + " [" + text(payload) + "]");
	}

	@Override
	public void onHpub(String subject, String replyTo, int headerSize, ByteBuf headersAndPayload) {
		this.events.add("HPUB " + subject + " " + replyTo + " " + headerSize + " [" + text(headersAndPayload) + "]");
	}

	@Override
	public void onSub(String subject, String queue, String sid) {
		this.events.add("SUB " + subject + " " + queue + " " + sid);
	}

	@Override
	public void onUnsub(String sid, long max) {
		this.events.add("UNSUB " + sid + " " + max);
	}

	@Override
	public void onInfo() {
		this.events.add("INFO");
	}

	@Override
	public void onOk() {
		this.events.add("+OK");
	}

	@Override
	public void onErr(String message) {
		this.events.add("-ERR " + message);
	}

	private static String text(ByteBuf buf) {
		return buf.toString(buf.readerIndex(), buf.readableBytes(), StandardCharsets.ISO_8859_1);
	}
}
