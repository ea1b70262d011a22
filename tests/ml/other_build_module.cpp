// A stand-in for a LibTorch module from another build of ECG Lens (tst_ml_core
// torchModuleFromAnotherBuildRefused): it refuses every caller, as the real module refuses a
// caller whose build string is not its own, and names its build.
extern "C" __attribute__((visibility("default"))) const void* ecglens_torch_backend(const char*)
{
    return nullptr;
}

extern "C" __attribute__((visibility("default"))) const char* ecglens_torch_backend_build()
{
    return "ECG Lens 0.0.0 (another build)";
}
