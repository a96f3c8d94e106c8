package io.slipway.drivers.ipmi.client;

import io.slipway.drivers.ipmi.rmcp.CipherSuite;
import io.slipway.drivers.ipmi.rmcp.Crypto;
import io.slipway.drivers.ipmi.rmcp.Handshake;
import io.slipway.drivers.ipmi.rmcp.RmcpPacket;
import io.slipway.drivers.ipmi.rmcp.RmcpStatus;
import io.slipway.drivers.ipmi.rmcp.SessionKeys;
import io.slipway.drivers.spi.DriverException;
import io.vertx.core.Future;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * Establishes RMCP+ sessions (IPMI 2.0 §13.15): Get Channel Authentication Capabilities, the
 * cipher suite choice, Open Session, RAKP 1–4 and Set Session Privilege Level.
 *
 * <p>Quirks handled without naming any BMC: the Open Session privilege is sent explicitly and not
 * required in the answer; the session is raised to the configured privilege because it starts at
 * USER; the user is looked up by name only; and cipher suite discovery is short and optional
 * because some BMCs never answer it.
 */
final class SessionOpener {

  private final Transport transport;
  private final IpmiClientOptions options;
  private final SuiteChooser chooser;
  private int tag;

  SessionOpener(Transport transport, IpmiClientOptions options, Map<String, CipherSuite> learned) {
    this.transport = transport;
    this.options = options;
    this.chooser = new SuiteChooser(transport, options, learned);
  }

  Future<Session> open(BmcKey bmc) {
    return chooser.checkIpmi20(bmc)
        .compose(v -> chooser.candidates(bmc))
        .compose(suites -> openWith(bmc, suites, 0))
        .compose(session -> raisePrivilege(bmc, session));
  }

  private Future<Session> openWith(BmcKey bmc, List<CipherSuite> suites, int index) {
    CipherSuite suite = suites.get(index);
    int consoleSid = Crypto.randomNonZeroInt();
    var request = new Handshake.OpenRequest(nextTag(), options.privilege(), consoleSid, suite.authAlgorithm(),
        suite.integrityAlgorithm(), suite.confidentialityAlgorithm());
    return setup(bmc, request.tag(), RmcpPacket.OPEN_SESSION_REQUEST, request.encode(), "Open Session")
        .compose(payload -> {
          var answer = Handshake.OpenResponse.decode(payload);
          if (answer.status() == RmcpStatus.OK) {
            return new Rakp(bmc, suite, consoleSid, answer.bmcSid()).run()
                .onSuccess(s -> chooser.learn(bmc, suite))
                .recover(err -> suiteMismatch(err) && index + 1 < suites.size()
                    ? openWith(bmc, suites, index + 1) : Future.failedFuture(err));
          }
          if (RmcpStatus.rejectsCipherSuite(answer.status()) && index + 1 < suites.size()) {
            return openWith(bmc, suites, index + 1);
          }
          return Future.failedFuture(statusError(bmc, "Open Session (cipher suite " + suite.id() + ")", answer.status()));
        });
  }

  private Future<Session> raisePrivilege(BmcKey bmc, Session session) {
    transport.register(session);
    IpmiRequest setPrivilege = IpmiRequest.of(0x06, 0x3B, options.privilege());
    return session.call(transport, setPrivilege, options.attemptTimeoutMs(), options.retries() + 1)
        .compose(rsp -> {
          if (rsp.ok()) {
            return Future.succeededFuture(session);
          }
          return Future.<Session>failedFuture(new DriverException(DriverException.Kind.AUTH, false,
              "BMC " + bmc + " refused session privilege level " + options.privilege(), rsp.completionCode(), null));
        })
        .onFailure(err -> transport.unregister(session));
  }

  /** RAKP 1–4 for one Open Session answer. */
  private final class Rakp {
    private final BmcKey bmc;
    private final CipherSuite suite;
    private final int consoleSid;
    private final int bmcSid;
    private final byte[] rc = Crypto.random(16);
    private final int role = options.privilege() | 0x10; // name-only lookup
    private final String user;
    private final byte[] kuid;

    Rakp(BmcKey bmc, CipherSuite suite, int consoleSid, int bmcSid) {
      this.bmc = bmc;
      this.suite = suite;
      this.consoleSid = consoleSid;
      this.bmcSid = bmcSid;
      this.user = bmc.credentials().username();
      this.kuid = SessionKeys.kuid(bmc.credentials().password());
    }

    Future<Session> run() {
      var rakp1 = new Handshake.Rakp1(nextTag(), bmcSid, rc, role, user);
      return setup(bmc, rakp1.tag(), RmcpPacket.RAKP_1, rakp1.encode(), "RAKP 1").compose(this::onRakp2);
    }

    private Future<Session> onRakp2(byte[] payload) {
      var rakp2 = Handshake.Rakp2.decode(payload);
      if (rakp2.status() != RmcpStatus.OK) {
        return Future.failedFuture(statusError(bmc, "RAKP 1", rakp2.status()));
      }
      if (rakp2.authCode().length != suite.hmacLength()) {
        // Some BMCs accept a suite in Open Session but answer with another suite's HMAC: that is
        // "suite not really supported", not a wrong password, so the next suite may be tried.
        return Future.failedFuture(DriverException.unsupported("BMC " + bmc + " answered RAKP 2 with a "
            + rakp2.authCode().length + "-byte code for cipher suite " + suite.id()));
      }
      byte[] expected = SessionKeys.rakp2Code(suite, kuid, consoleSid, bmcSid, rc,
          rakp2.rm(), rakp2.guid(), role, user);
      if (!MessageDigest.isEqual(expected, rakp2.authCode())) {
        // tell the BMC, so it frees the half-open session instead of holding it until it times out
        var abort = new Handshake.Rakp3(nextTag(), RmcpStatus.INVALID_INTEGRITY_CHECK, bmcSid, new byte[0]);
        transport.send(bmc, RmcpPacket.plain(RmcpPacket.RAKP_3, abort.encode()));
        return Future.failedFuture(DriverException.auth("BMC " + bmc + ": password rejected (RAKP 2 code mismatch)"));
      }
      var keys = SessionKeys.derive(suite, kuid, rc, rakp2.rm(), role, user);
      byte[] code = SessionKeys.rakp3Code(suite, kuid, rakp2.rm(), consoleSid, role, user);
      var rakp3 = new Handshake.Rakp3(nextTag(), 0, bmcSid, code);
      return setup(bmc, rakp3.tag(), RmcpPacket.RAKP_3, rakp3.encode(), "RAKP 3").compose(p -> {
        var rakp4 = Handshake.Rakp4.decode(p);
        if (rakp4.status() != RmcpStatus.OK) {
          return Future.failedFuture(statusError(bmc, "RAKP 3", rakp4.status()));
        }
        if (!MessageDigest.isEqual(keys.rakp4Icv(rc, bmcSid, rakp2.guid()), rakp4.icv())) {
          return Future.failedFuture(DriverException.failed("BMC " + bmc + ": RAKP 4 integrity check failed"));
        }
        return Future.succeededFuture(new Session(bmc, consoleSid, bmcSid, keys));
      });
    }
  }

  /** Sends a setup payload and waits for the matching answer (the request type + 1). */
  private Future<byte[]> setup(BmcKey bmc, int tag, int type, byte[] payload, String what) {
    var packet = RmcpPacket.plain(type, payload);
    return transport.exchange(bmc, Transport.setupKey(bmc.endpoint(), type + 1, tag), () -> packet,
        options.attemptTimeoutMs(), options.retries() + 1, what).map(o -> (byte[]) o);
  }

  private static boolean suiteMismatch(Throwable err) {
    return err instanceof DriverException de && de.kind() == DriverException.Kind.UNSUPPORTED;
  }

  static DriverException statusError(BmcKey bmc, String step, int status) {
    String message = "BMC " + bmc + " rejected " + step + ": " + RmcpStatus.describe(status);
    if (RmcpStatus.rejectsCredentials(status)) {
      return new DriverException(DriverException.Kind.AUTH, false, message, status, null);
    }
    if (RmcpStatus.rejectsCipherSuite(status)) {
      return new DriverException(DriverException.Kind.UNSUPPORTED, false, message, status, null);
    }
    return new DriverException(DriverException.Kind.FAILED, true, message, status, null);
  }

  private int nextTag() {
    tag = (tag + 1) & 0xFF;
    return tag;
  }
}
