package io.slipway.drivers.ipmi.command;

import io.slipway.drivers.ipmi.client.IpmiRequest;
import io.slipway.drivers.ipmi.client.IpmiResponse;
import io.slipway.drivers.spi.SensorReading;
import io.vertx.core.Future;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Walks the SDR repository (Storage netFn 0x0A: Reserve SDR Repository 0x22, Get SDR 0x23) and
 * reads each analog sensor the BMC itself owns (Sensor netFn 0x04, Get Sensor Reading 0x2D).
 *
 * <p>Records are read as a 5-byte header and then in small chunks, which every BMC accepts, instead
 * of the "whole record" read some BMCs refuse. A cancelled reservation is renewed once.
 */
public final class SdrReader {

    private static final int STORAGE = 0x0A;
    private static final int CHUNK = 16;
    private static final int MAX_RECORDS = 512;
    private static final int BMC_OWNER = 0x20;

    private final Function<IpmiRequest, Future<IpmiResponse>> exec;

    public SdrReader(Function<IpmiRequest, Future<IpmiResponse>> exec) {
        this.exec = exec;
    }

    /** Every readable analog sensor with its converted value. */
    public Future<List<SensorReading>> readings() {
        return records().compose(list -> readEach(list, 0, new ArrayList<>()));
    }

    /** The full sensor records in the repository. */
    public Future<List<SensorRecord>> records() {
        return reserve().compose(res -> walk(res, 0, new ArrayList<>(), true));
    }

    private Future<Integer> reserve() {
        return exec.apply(IpmiRequest.of(STORAGE, 0x22))
                .map(rsp -> CompletionCodes.require(rsp, "Reserve SDR Repository"))
                .map(rsp -> rsp.u8(0) | rsp.u8(1) << 8);
    }

    private Future<List<SensorRecord>> walk(int res, int id, List<SensorRecord> out, boolean mayRenew) {
        if (id == 0xFFFF || out.size() >= MAX_RECORDS) {
            return Future.succeededFuture(out);
        }
        return getSdr(res, id, 0, 5).compose(head -> {
            if (head.completionCode() == 0xC5 && mayRenew) {
                return reserve().compose(fresh -> walk(fresh, id, out, false));
            }
            CompletionCodes.require(head, "Get SDR");
            int next = head.u8(0) | head.u8(1) << 8;
            ByteArrayOutputStream record = new ByteArrayOutputStream();
            record.write(head.data(), 2, head.data().length - 2);
            int length = 5 + head.u8(6);
            return body(res, id, length, record).compose(bytes -> {
                SensorRecord.parse(bytes).ifPresent(out::add);
                return walk(res, next == id ? 0xFFFF : next, out, true);
            });
        });
    }

    private Future<byte[]> body(int res, int id, int length, ByteArrayOutputStream record) {
        int offset = record.size();
        if (offset >= length) {
            return Future.succeededFuture(record.toByteArray());
        }
        return getSdr(res, id, offset, Math.min(CHUNK, length - offset)).compose(rsp -> {
            CompletionCodes.require(rsp, "Get SDR");
            if (rsp.data().length <= 2) {
                return Future.succeededFuture(record.toByteArray());
            }
            record.write(rsp.data(), 2, rsp.data().length - 2);
            return body(res, id, length, record);
        });
    }

    private Future<IpmiResponse> getSdr(int res, int id, int offset, int count) {
        return exec.apply(IpmiRequest.of(STORAGE, 0x23, res & 0xFF, res >> 8, id & 0xFF, id >> 8, offset, count));
    }

    private Future<List<SensorReading>> readEach(List<SensorRecord> records, int i, List<SensorReading> out) {
        if (i >= records.size()) {
            return Future.succeededFuture(out);
        }
        SensorRecord s = records.get(i);
        if (s.owner() != BMC_OWNER || s.analogFormat() == 3) {
            return readEach(records, i + 1, out); // bridged or non-analog sensors are not read
        }
        return exec.apply(IpmiRequest.of(0x04, 0x2D, s.number())).compose(rsp -> {
            boolean usable = rsp.ok() && rsp.data().length >= 2 && (rsp.u8(1) & 0x20) == 0;
            out.add(new SensorReading(s.name(), usable ? s.convert(rsp.u8(0)) : Double.NaN, s.unit()));
            return readEach(records, i + 1, out);
        });
    }
}
