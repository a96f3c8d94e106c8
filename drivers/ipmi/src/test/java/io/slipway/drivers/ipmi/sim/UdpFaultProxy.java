package io.slipway.drivers.ipmi.sim;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP relay between one IPMI client and one BMC on loopback that injects faults: drop the first
 * answer of a given kind, random loss in both directions, and a delay on every answer. Test code
 * only; blocking threads, never an event loop.
 */
public final class UdpFaultProxy implements AutoCloseable {

    /** Answer kinds: sessionless IPMI 1.5 messages, or an RMCP+ payload type (0x11, 0x13, 0x15, 0). */
    public static final int SESSIONLESS = -1;

    private final DatagramSocket front;
    private final DatagramSocket back;
    private final int bmcPort;
    private final ScheduledExecutorService delayer;
    private final Set<Integer> dropFirst = ConcurrentHashMap.newKeySet();
    private final AtomicInteger dropped = new AtomicInteger();
    private volatile SocketAddress client;
    private volatile double loss;
    private volatile long delayMs;
    private volatile boolean closed;

    private UdpFaultProxy(int bmcPort, ScheduledExecutorService delayer) throws IOException {
        this.bmcPort = bmcPort;
        this.delayer = delayer;
        InetAddress lo = InetAddress.getLoopbackAddress();
        this.front = new DatagramSocket(0, lo);
        this.back = new DatagramSocket(0, lo);
        thread(this::clientToBmc).start();
        thread(this::bmcToClient).start();
    }

    /** A relay in front of the BMC on {@code bmcPort}; {@code delayer} runs delayed answers. */
    public static UdpFaultProxy start(int bmcPort, ScheduledExecutorService delayer) throws IOException {
        return new UdpFaultProxy(bmcPort, delayer);
    }

    public static ScheduledExecutorService delayer() {
        return Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "udp-proxy-delay");
            t.setDaemon(true);
            return t;
        });
    }

    public int port() {
        return front.getLocalPort();
    }

    /** Drops the first answer of {@code kind} that passes from now on. */
    public UdpFaultProxy dropFirstAnswer(int kind) {
        dropFirst.add(kind);
        return this;
    }

    public UdpFaultProxy loss(double probability) {
        this.loss = probability;
        return this;
    }

    public UdpFaultProxy delayAnswers(long ms) {
        this.delayMs = ms;
        return this;
    }

    /** Datagrams dropped on purpose so far (either direction). */
    public int dropped() {
        return dropped.get();
    }

    private void clientToBmc() {
        byte[] buf = new byte[2048];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                front.receive(p);
                client = p.getSocketAddress();
                if (!lost()) {
                    back.send(
                            new DatagramPacket(p.getData(), p.getLength(), InetAddress.getLoopbackAddress(), bmcPort));
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void bmcToClient() {
        byte[] buf = new byte[2048];
        while (!closed) {
            try {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                back.receive(p);
                byte[] data = java.util.Arrays.copyOf(p.getData(), p.getLength());
                if (lost()) {
                    continue;
                }
                if (dropFirst.remove(kind(data))) {
                    dropped.incrementAndGet();
                    continue;
                }
                SocketAddress to = client;
                Runnable send = () -> {
                    try {
                        front.send(new DatagramPacket(data, data.length, to));
                    } catch (IOException ignored) {
                        // closed meanwhile
                    }
                };
                if (delayMs > 0) {
                    delayer.schedule(send, delayMs, TimeUnit.MILLISECONDS);
                } else {
                    send.run();
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private boolean lost() {
        boolean lose = loss > 0 && ThreadLocalRandom.current().nextDouble() < loss;
        if (lose) {
            dropped.incrementAndGet();
        }
        return lose;
    }

    private static int kind(byte[] d) {
        if (d.length < 6) {
            return -2;
        }
        return d[4] == 0 ? SESSIONLESS : d[5] & 0x3F;
    }

    private static Thread thread(Runnable r) {
        Thread t = new Thread(r, "udp-fault-proxy");
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        closed = true;
        front.close();
        back.close();
    }
}
