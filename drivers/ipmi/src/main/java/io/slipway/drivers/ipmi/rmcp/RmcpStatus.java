package io.slipway.drivers.ipmi.rmcp;

/** RMCP+ and RAKP message status codes (IPMI 2.0 §13.24) that a client reacts to. */
public final class RmcpStatus {

    public static final int OK = 0x00;
    public static final int INSUFFICIENT_RESOURCES = 0x01;
    public static final int INVALID_SESSION_ID = 0x02;
    public static final int INVALID_AUTH_ALGORITHM = 0x04;
    public static final int INVALID_INTEGRITY_ALGORITHM = 0x05;
    public static final int UNAUTHORIZED_ROLE = 0x09;
    public static final int UNAUTHORIZED_PRIVILEGE = 0x0A;
    public static final int UNAUTHORIZED_NAME = 0x0D;
    public static final int INVALID_INTEGRITY_CHECK = 0x0F;
    public static final int INVALID_CONF_ALGORITHM = 0x10;
    public static final int NO_CIPHER_SUITE_MATCH = 0x11;

    private RmcpStatus() {}

    /** Statuses meaning "this cipher suite is not offered": try the next one. */
    public static boolean rejectsCipherSuite(int status) {
        return status == INVALID_AUTH_ALGORITHM
                || status == INVALID_INTEGRITY_ALGORITHM
                || status == INVALID_CONF_ALGORITHM
                || status == NO_CIPHER_SUITE_MATCH
                || status == 0x06
                || status == 0x07;
    }

    /** Statuses meaning the user, role or password is not accepted. */
    public static boolean rejectsCredentials(int status) {
        return status == UNAUTHORIZED_ROLE
                || status == UNAUTHORIZED_PRIVILEGE
                || status == UNAUTHORIZED_NAME
                || status == INVALID_INTEGRITY_CHECK
                || status == 0x0E;
    }

    public static String describe(int status) {
        return switch (status) {
            case OK -> "no errors";
            case INSUFFICIENT_RESOURCES -> "insufficient resources to create a session";
            case INVALID_SESSION_ID -> "invalid session ID";
            case INVALID_AUTH_ALGORITHM -> "invalid authentication algorithm";
            case INVALID_INTEGRITY_ALGORITHM -> "invalid integrity algorithm";
            case UNAUTHORIZED_ROLE -> "invalid role";
            case UNAUTHORIZED_PRIVILEGE -> "unauthorized role or privilege level requested";
            case UNAUTHORIZED_NAME -> "unauthorized name";
            case 0x0E -> "unauthorized GUID";
            case INVALID_INTEGRITY_CHECK -> "invalid integrity check value";
            case INVALID_CONF_ALGORITHM -> "invalid confidentiality algorithm";
            case NO_CIPHER_SUITE_MATCH -> "no cipher suite match with proposed security algorithms";
            default -> String.format("RMCP+ status 0x%02X", status);
        };
    }
}
