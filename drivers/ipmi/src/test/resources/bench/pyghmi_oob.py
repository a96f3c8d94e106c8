#!/usr/bin/python3
"""Drives pyghmi's Command against many BMCs with a thread pool, as Drydock does.

usage: pyghmi_oob.py status|provision HOST USER PASSWORD THREADS TIMEOUT_S PORT...
Prints one JSON line: {"ok": n, "failed": n, "errors": {...}, "wall_s": x, "cpu_s": y}.
"provision" is set_bootdev('network') then set_power('on', wait=True) per BMC.
"""
import collections
import concurrent.futures
import json
import os
import sys
import time

from pyghmi.ipmi import command


def one(op, host, user, password, port):
    c = command.Command(bmc=host, userid=user, password=password, port=port)
    try:
        if op == "status":
            return c.get_power()["powerstate"]
        c.set_bootdev("network")
        return c.set_power("on", wait=True)["powerstate"]
    finally:
        try:
            c.ipmi_session.logout()
        except Exception:
            pass


def main():
    op, host, user, password, threads, timeout = sys.argv[1:7]
    ports = [int(p) for p in sys.argv[7:]]
    errors = collections.Counter()
    ok = 0
    start, cpu0 = time.monotonic(), time.process_time()
    pool = concurrent.futures.ThreadPoolExecutor(int(threads))
    futures = [pool.submit(one, op, host, user, password, p) for p in ports]
    done, not_done = concurrent.futures.wait(futures, timeout=float(timeout))
    for f in done:
        try:
            f.result()
            ok += 1
        except Exception as e:  # pyghmi raises IpmiException and others
            errors[type(e).__name__ + ": " + str(e)[:60]] += 1
    if not_done:
        errors["unfinished after %s s" % timeout] += len(not_done)
    wall = time.monotonic() - start
    print(json.dumps({"ok": ok, "failed": len(ports) - ok, "errors": errors,
                      "wall_s": round(wall, 2), "cpu_s": round(time.process_time() - cpu0, 2)}),
          flush=True)
    os._exit(0)  # pyghmi's session thread is not a daemon; unfinished calls must not keep us


if __name__ == "__main__":
    main()
