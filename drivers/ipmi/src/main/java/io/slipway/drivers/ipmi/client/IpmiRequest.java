package io.slipway.drivers.ipmi.client;

/** An IPMI command: network function, command number and request data. */
public record IpmiRequest(int netFn, int cmd, byte[] data) {

  public static IpmiRequest of(int netFn, int cmd, int... data) {
    byte[] bytes = new byte[data.length];
    for (int i = 0; i < data.length; i++) {
      bytes[i] = (byte) data[i];
    }
    return new IpmiRequest(netFn, cmd, bytes);
  }

  public String name() {
    return String.format("netFn 0x%02X cmd 0x%02X", netFn, cmd);
  }
}
