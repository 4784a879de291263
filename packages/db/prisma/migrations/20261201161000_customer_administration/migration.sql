-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "tanChannels" TEXT[] DEFAULT '{}',
ADD COLUMN     "conversionRateClass" INTEGER;
