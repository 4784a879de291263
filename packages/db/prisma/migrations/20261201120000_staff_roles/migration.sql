-- AlterEnum
ALTER TYPE "StaffRole" ADD VALUE 'FINANCE';
