"""service.isolation: work in child processes with time and memory limits. A pool worker runs
jobs one after the other; one that overruns its time is killed and replaced, one that grew is
replaced after its job, a caller that finds every worker busy is told so (Busy), and errors come
back as the exceptions they were, with the worker's stack."""

import os
import threading
import time

import pytest

from service.isolation import Busy, IsolationError, WorkerPool, run_isolated

MiB = 1024 * 1024
HOARD = []


def hoard(size):
    """Keep `size` bytes in this process (a worker that grows) and say which process it is."""
    HOARD.append(bytearray(os.urandom(1024)) * (size // 1024))
    return os.getpid()


def pid(_):
    return os.getpid()


@pytest.fixture(scope="module")
def pool():
    return WorkerPool(size=1, memory_bytes=256 * MiB, recycle_bytes=64 * MiB)


def test_a_job_runs_and_the_worker_is_kept(pool):
    first = pool.run(pid, None, seconds=10, wait=5)
    assert first != os.getpid() and pool.run(pid, None, seconds=10, wait=5) == first


def test_a_job_over_its_time_is_ended_and_the_worker_replaced(pool):
    before = pool.run(pid, None, seconds=10, wait=5)
    with pytest.raises(IsolationError) as caught:
        pool.run(time.sleep, 30, seconds=0.5, wait=5)
    assert caught.value.kind == "time"
    after = pool.run(pid, None, seconds=10, wait=5)
    assert after != before


def test_a_job_over_its_memory_is_ended(pool):
    with pytest.raises(IsolationError) as caught:
        pool.run(bytearray, 1024 * MiB, seconds=10, wait=5)
    assert caught.value.kind == "memory"
    assert pool.run(sum, [1, 2], seconds=10, wait=5) == 3


def test_a_worker_that_grew_is_replaced_after_its_job(pool):
    grown = pool.run(hoard, 96 * MiB, seconds=20, wait=5)
    assert pool.run(pid, None, seconds=10, wait=5) != grown


def test_an_error_comes_back_with_the_workers_stack(pool):
    with pytest.raises(ValueError) as caught:
        pool.run(int, "not a number", seconds=10, wait=5)
    assert "Traceback" not in caught.value.worker_stack and "_serve" in caught.value.worker_stack


def test_a_caller_finding_every_worker_busy_is_told(pool):
    thread = threading.Thread(target=lambda: pool.run(time.sleep, 1.5, seconds=10, wait=5))
    thread.start()
    time.sleep(0.3)
    with pytest.raises(Busy):
        pool.run(pid, None, seconds=10, wait=0.2)
    thread.join()
    pool.run(pid, None, seconds=10, wait=5)


def test_one_child_per_call():
    assert run_isolated(pid, None, seconds=10, memory_bytes=256 * MiB) != os.getpid()
    with pytest.raises(IsolationError) as caught:
        run_isolated(time.sleep, 30, seconds=0.5, memory_bytes=256 * MiB)
    assert caught.value.kind == "time"
