package io.slipway.drivers.lab.bmc;

import io.slipway.drivers.ipmi.rmcp.CipherSuite;
import io.slipway.drivers.ipmi.rmcp.LanMessage;
import io.slipway.drivers.ipmi.rmcp.SessionKeys;

/** BMC-side state of one RMCP+ session, including answers cached for retransmitted requests. */
final class LabSession {

    static final int USER = 2;

    final int consoleSid;
    final int bmcSid;
    final CipherSuite suite;
    final byte[] openAnswer;
    byte[] rc;
    byte[] rm;
    int role;
    String username;
    byte[] rakp2Answer;
    byte[] rakp4Answer;
    SessionKeys keys;
    int privilege = USER;
    int outSequence;
    LanMessage lastRequest;
    LanMessage lastAnswer;

    LabSession(int consoleSid, int bmcSid, CipherSuite suite, byte[] openAnswer) {
        this.consoleSid = consoleSid;
        this.bmcSid = bmcSid;
        this.suite = suite;
        this.openAnswer = openAnswer;
    }

    boolean active() {
        return keys != null;
    }

    int nextSequence() {
        return ++outSequence;
    }
}
