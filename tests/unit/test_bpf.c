/* kernel-if/sys.c's program of `ip vrf exec` (bpf_vrf_prog): iproute2's six instructions, as
 * fields (everywhere) and as the bytes the kernel reads on a little-endian target. Loading and
 * attaching it are exercised in tests/sandbox/vrf_cmd.test, in the QEMU guest (they make
 * cgroups). */
#include <stddef.h>
#include <linux/bpf.h>
#include "sys.h"
#include "unit.h"

static void test_fields(void **state)
{
	struct bpf_insn p[8];

	(void)state;
	memset(p, 0xaa, sizeof(p));
	assert_int_equal(bpf_vrf_prog(p, 7), 6);
	assert_int_equal(p[0].code, BPF_ALU64 | BPF_MOV | BPF_X);
	assert_int_equal(p[0].dst_reg, BPF_REG_6);
	assert_int_equal(p[0].src_reg, BPF_REG_1);
	assert_int_equal(p[1].code, BPF_ALU64 | BPF_MOV | BPF_K);
	assert_int_equal(p[1].dst_reg, BPF_REG_3);
	assert_int_equal(p[1].imm, 7);
	assert_int_equal(p[2].dst_reg, BPF_REG_2);
	assert_int_equal(p[2].imm, (int)offsetof(struct bpf_sock, bound_dev_if));
	assert_int_equal(p[3].code, BPF_STX | BPF_MEM | BPF_W);
	assert_int_equal(p[3].dst_reg, BPF_REG_1);
	assert_int_equal(p[3].src_reg, BPF_REG_3);
	assert_int_equal(p[3].off, (int)offsetof(struct bpf_sock, bound_dev_if));
	assert_int_equal(p[4].dst_reg, BPF_REG_0);
	assert_int_equal(p[4].imm, 1);
	assert_int_equal(p[5].code, BPF_JMP | BPF_EXIT);
	assert_int_equal(p[5].imm, 0);
	/* Nothing written past the six. */
	assert_int_equal(((unsigned char *)&p[6])[0], 0xaa);
}

static void test_golden(void **state)
{
	struct bpf_insn p[6];
	unsigned char want[48];

	(void)state;
	golden_host_order();
	bpf_vrf_prog(p, 0x01020304);
	assert_int_equal(unhex("bf16000000000000 b703000004030201 b702000000000000"
			       "6331000000000000 b700000001000000 9500000000000000", want, sizeof(want)), 48);
	assert_memory_equal(p, want, 48);
}

int main(void)
{
	static struct suite s;

	ADD(&s, test_fields);
	ADD(&s, test_golden);
	return suite_run(&s, "bpf");
}
