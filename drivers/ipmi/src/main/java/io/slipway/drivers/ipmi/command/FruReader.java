package io.slipway.drivers.ipmi.command;

import io.slipway.drivers.ipmi.client.IpmiRequest;
import io.slipway.drivers.ipmi.client.IpmiResponse;
import io.vertx.core.Future;
import java.io.ByteArrayOutputStream;
import java.util.function.Function;

/**
 * Reads a FRU device (Storage netFn 0x0A: Get FRU Inventory Area Info 0x10, Read FRU Data 0x11).
 *
 * <p>Reads in chunks of {@value #FIRST_CHUNK} bytes and halves the chunk (down to {@value
 * #MIN_CHUNK}) whenever the BMC answers that the request or answer is too long, since BMCs differ
 * in the largest read they accept.
 */
public final class FruReader {

    static final int NETFN = 0x0A;
    static final int FIRST_CHUNK = 32;
    static final int MIN_CHUNK = 4;
    private static final int MAX_SIZE = 4096;

    private final Function<IpmiRequest, Future<IpmiResponse>> exec;

    public FruReader(Function<IpmiRequest, Future<IpmiResponse>> exec) {
        this.exec = exec;
    }

    /** The raw image of FRU device {@code fruId}. */
    public Future<byte[]> read(int fruId) {
        return exec.apply(IpmiRequest.of(NETFN, 0x10, fruId)).compose(rsp -> {
            CompletionCodes.require(rsp, "Get FRU Inventory Area Info");
            int size = Math.min(MAX_SIZE, rsp.u8(0) | rsp.u8(1) << 8);
            return chunk(fruId, size, FIRST_CHUNK, new ByteArrayOutputStream());
        });
    }

    private Future<byte[]> chunk(int fruId, int size, int chunk, ByteArrayOutputStream image) {
        int offset = image.size();
        if (offset >= size) {
            return Future.succeededFuture(image.toByteArray());
        }
        int count = Math.min(chunk, size - offset);
        IpmiRequest read = IpmiRequest.of(NETFN, 0x11, fruId, offset & 0xFF, offset >> 8, count);
        return exec.apply(read).compose(rsp -> {
            if (tooLong(rsp.completionCode()) && chunk / 2 >= MIN_CHUNK) {
                return chunk(fruId, size, chunk / 2, image);
            }
            CompletionCodes.require(rsp, "Read FRU Data");
            int got = Math.min(rsp.u8(0), rsp.data().length - 1);
            if (got <= 0) {
                return Future.succeededFuture(image.toByteArray());
            }
            image.write(rsp.data(), 1, got);
            return chunk(fruId, size, chunk, image);
        });
    }

    private static boolean tooLong(int cc) {
        return cc == 0xC7 || cc == 0xC8 || cc == 0xCA;
    }
}
