// mandel_ref.cu - the tutorial's Mandelbrot kernel written by hand in
// CUDA C, the yardstick for mandelc --target=cuda (bench_cuda.sh).
//
//   nvcc -O3 -fmad=false -o mandel_ref bench/cuda/mandel_ref.cu
//   mandel_ref W MAXITER     prints "KERNEL_S TOTAL_S SUM" (seconds)
//   mandel_ref --device      prints the GPU's name, or exits 4 without one
//
// What a CUDA programmer would write for calculate_z_serial_purepython:
// the grid built on the host exactly as the tutorial's driver builds it
// (SPEC 2), q uploaded as pairs of doubles, one thread a point, z in two
// doubles, and the escape test as |z|^2 > 4 (no square root). -fmad=false
// keeps every product rounded alone, as mandelc's float64 code does, so
// both compute the same iteration counts. KERNEL_S is the kernel alone
// (CUDA events); TOTAL_S adds the copies of q to the device and of the
// counts back, as mandelc's "gpu_total_seconds" does. The context is
// created before either clock starts.
#include <cuda_runtime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <vector>

#define CHECK(call)                                                       \
  do {                                                                    \
    cudaError_t e_ = (call);                                              \
    if (e_ != cudaSuccess) {                                              \
      fprintf(stderr, "mandel_ref: %s failed: %s\n", #call,               \
              cudaGetErrorString(e_));                                    \
      exit(4);                                                            \
    }                                                                     \
  } while (0)

__global__ void calculate_z(const double2 *q, long long n, long long maxiter,
                            long long *output) {
  long long i = blockIdx.x * (long long)blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  double zr = 0, zi = 0, qr = q[i].x, qi = q[i].y;
  long long count = 0;  // the tutorial's output[i] stays 0 if no escape
  for (long long iteration = 0; iteration < maxiter; iteration++) {
    double r = zr * zr - zi * zi + qr;
    zi = 2 * zr * zi + qi;
    zr = r;
    if (zr * zr + zi * zi > 4.0) {
      count = iteration;
      break;
    }
  }
  output[i] = count;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

// xs and ys as calc_pure_python builds them, q row by row.
static std::vector<double2> build_q(long w) {
  const double x1 = -2.13, x2 = 0.77, y1 = -1.3, y2 = 1.3;
  double x_step = (x2 - x1) / (double)w * 2;
  double y_step = (y1 - y2) / (double)w * 2;
  std::vector<double> xs, ys;
  for (double y = y2; y > y1; y += y_step)
    ys.push_back(y);
  for (double x = x1; x < x2; x += x_step)
    xs.push_back(x);
  std::vector<double2> q;
  for (double y : ys)
    for (double x : xs)
      q.push_back(make_double2(x, y));
  return q;
}

static int device_name(void) {
  int count = 0;
  if (cudaGetDeviceCount(&count) != cudaSuccess || count == 0) {
    fprintf(stderr, "mandel_ref: no usable GPU\n");
    return 4;
  }
  cudaDeviceProp prop;
  CHECK(cudaGetDeviceProperties(&prop, 0));
  printf("%s\n", prop.name);
  return 0;
}

int main(int argc, char **argv) {
  if (argc == 2 && !strcmp(argv[1], "--device"))
    return device_name();
  if (argc != 3) {
    fprintf(stderr, "usage: %s W MAXITER | --device\n", argv[0]);
    return 2;
  }
  std::vector<double2> q = build_q(atol(argv[1]));
  long long n = (long long)q.size(), maxiter = atoll(argv[2]);
  std::vector<long long> output(n);
  CHECK(cudaFree(0));  // the context, outside the clocks
  double2 *dq;
  long long *dout;
  cudaEvent_t start, stop;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));
  double t0 = now();
  CHECK(cudaMalloc(&dq, n * sizeof(double2)));
  CHECK(cudaMalloc(&dout, n * sizeof(long long)));
  CHECK(cudaMemcpy(dq, q.data(), n * sizeof(double2),
                   cudaMemcpyHostToDevice));
  CHECK(cudaEventRecord(start));
  calculate_z<<<(unsigned)((n + 255) / 256), 256>>>(dq, n, maxiter, dout);
  CHECK(cudaGetLastError());
  CHECK(cudaEventRecord(stop));
  CHECK(cudaMemcpy(output.data(), dout, n * sizeof(long long),
                   cudaMemcpyDeviceToHost));
  double total = now() - t0;
  float ms = 0;
  CHECK(cudaEventElapsedTime(&ms, start, stop));
  long long sum = 0;
  for (long long v : output)
    sum += v;
  printf("%.6f %.6f %lld\n", ms / 1e3, total, sum);
  CHECK(cudaFree(dq));
  CHECK(cudaFree(dout));
  return 0;
}
