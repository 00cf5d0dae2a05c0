package io.github.natsspring.broker.monitor;

/**
 * One subscription as {@code /connz?subs=detail} and {@code /subsz?subs=1} show it.
 *
 * @param account the account the subscription is in
 * @param subject the subject or wildcard
 * @param queue the queue group, or {@code null}
 * @param sid the client's subscription id
 * @param messages messages delivered to it
 * @param max the delivery limit set by {@code UNSUB <sid> <max>}, 0 for none
 * @param cid the connection that holds it
 */
public record SubscriptionDetail(String account, String subject, String queue, String sid, long messages, long max,
		long cid) {

	void write(GoJsonWriter json, boolean withAccount) {
		json.beginObject();
		if (withAccount) {
			json.fieldOmitEmpty("account", this.account);
		}
		json.field("subject", this.subject)
			.fieldOmitEmpty("qgroup", this.queue)
			.field("sid", this.sid)
			.field("msgs", this.messages)
			.fieldOmitEmpty("max", this.max)
			.field("cid", this.cid)
			.endObject();
	}
}
