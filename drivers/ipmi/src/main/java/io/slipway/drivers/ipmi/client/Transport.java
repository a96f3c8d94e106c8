package io.slipway.drivers.ipmi.client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import io.slipway.drivers.ipmi.rmcp.LanMessage;
import io.slipway.drivers.ipmi.rmcp.RmcpPacket;
import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;

/**
 * One UDP socket shared by every BMC session of a client, with request/answer matching and
 * retransmission on timers. All state is confined to the client's context thread.
 *
 * <p>Answers are matched by a key: sessionless messages by sender and requester sequence,
 * session-setup payloads by sender, payload type and message tag (a refusal may be only two bytes
 * long and carry no session ID), session messages by console session ID and requester sequence.
 * Unmatched datagrams (late duplicates, strangers) are dropped.
 */
final class Transport {

  private final Vertx vertx;
  private final Context context;
  private final IpmiClientOptions options;
  private final Map<String, Pending> pending = new HashMap<>();
  private final Map<Integer, Session> sessions = new HashMap<>();
  private DatagramSocket socket;
  private Future<Void> started;

  private static final class Pending {
    final Promise<Object> promise;
    long timerId;

    Pending(Promise<Object> promise) {
      this.promise = promise;
    }
  }

  Transport(Vertx vertx, Context context, IpmiClientOptions options) {
    this.vertx = vertx;
    this.context = context;
    this.options = options;
  }

  /** Binds the socket once; later calls return the same future. Must run on the context. */
  Future<Void> start() {
    if (started == null) {
      socket =
          vertx.createDatagramSocket(
              new DatagramSocketOptions().setReceiveBufferSize(options.receiveBufferBytes()));
      socket.handler(this::onPacket);
      started = socket.listen(0, "0.0.0.0").mapEmpty();
    }
    return started;
  }

  /** Fails whatever still waits for an answer, then closes the socket. */
  Future<Void> close() {
    List<Pending> waiting = List.copyOf(pending.values());
    pending.clear();
    waiting.forEach(
        p -> {
          vertx.cancelTimer(p.timerId);
          p.promise.tryFail(DriverException.failed("IPMI client closed"));
        });
    return socket == null ? Future.succeededFuture() : socket.close();
  }

  Context context() {
    return context;
  }

  void register(Session session) {
    sessions.put(session.consoleSid(), session);
  }

  void unregister(Session session) {
    sessions.remove(session.consoleSid());
  }

  /**
   * Sends what {@code packet} builds and waits for the answer keyed {@code key}, building and
   * sending again after each attempt timeout, up to {@code attempts} times.
   */
  Future<Object> exchange(
      BmcKey bmc, String key, Supplier<Buffer> packet, long timeoutMs, int attempts, String what) {
    Promise<Object> promise = Promise.promise();
    attempt(bmc, key, packet, timeoutMs, attempts, what, promise);
    return promise.future();
  }

  private void attempt(
      BmcKey bmc,
      String key,
      Supplier<Buffer> packet,
      long timeoutMs,
      int left,
      String what,
      Promise<Object> promise) {
    Pending entry = new Pending(promise);
    entry.timerId =
        vertx.setTimer(
            timeoutMs,
            id -> {
              pending.remove(key, entry);
              if (promise.future().isComplete()) {
                return;
              }
              if (left > 1) {
                attempt(bmc, key, packet, timeoutMs, left - 1, what, promise);
              } else {
                promise.tryFail(
                    DriverException.timeout(
                        "no answer from BMC " + bmc.endpoint() + " to " + what));
              }
            });
    pending.put(key, entry);
    socket
        .send(packet.get(), bmc.port(), bmc.host())
        .onFailure(
            err -> {
              vertx.cancelTimer(entry.timerId);
              pending.remove(key, entry);
              promise.tryFail(
                  DriverException.unreachable(
                      "cannot send to BMC " + bmc.endpoint() + ": " + err.getMessage(), err));
            });
  }

  /** Fire and forget, for Close Session where an answer changes nothing. */
  void send(BmcKey bmc, Buffer packet) {
    socket.send(packet, bmc.port(), bmc.host());
  }

  static String sessionlessKey(String endpoint, int rqSeq) {
    return "s/" + endpoint + "/" + rqSeq;
  }

  static String setupKey(String endpoint, int payloadType, int tag) {
    return "p/" + endpoint + "/" + payloadType + "/" + tag;
  }

  static String sessionKey(int consoleSid, int rqSeq) {
    return "c/" + consoleSid + "/" + rqSeq;
  }

  private void onPacket(DatagramPacket datagram) {
    try {
      RmcpPacket p = RmcpPacket.parse(datagram.data());
      String endpoint =
          Addresses.canonical(datagram.sender().host()) + ":" + datagram.sender().port();
      if (p.authType() == RmcpPacket.AUTH_NONE) {
        LanMessage m = LanMessage.decode(p.payload(), true);
        complete(sessionlessKey(endpoint, m.rqSeq()), m);
      } else if (p.payloadType() != RmcpPacket.PAYLOAD_IPMI) {
        byte[] payload = p.payload();
        if (payload.length > 0) {
          complete(setupKey(endpoint, p.payloadType(), payload[0] & 0xFF), payload);
        }
      } else {
        Session s = sessions.get(p.sessionId());
        if (s != null) {
          LanMessage m = LanMessage.decode(p.open(s.keys()), true);
          complete(sessionKey(s.consoleSid(), m.rqSeq()), m);
        }
      }
    } catch (RuntimeException malformed) {
      // A datagram we cannot parse or authenticate is treated like a lost one: the retransmit
      // timer of whatever waits for it still runs.
    }
  }

  private void complete(String key, Object answer) {
    Pending p = pending.remove(key);
    if (p != null) {
      vertx.cancelTimer(p.timerId);
      p.promise.tryComplete(answer);
    }
  }
}
