import { PASSWORD_MIN_LENGTH } from "@/domain/password";

export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. A passphrase of a few unrelated words works well; very common passwords are refused.`;
